using System.Text.Encodings.Web;

namespace HybridSpa.EntraEmulator.Pages;

/// <summary>The hidden field that carries the signed flow token through every interaction form.</summary>
internal static class FlowTokenField
{
    public const string Name = "flowToken";

    public static string Render(string flowToken) =>
        $"<input type=\"hidden\" name=\"{Name}\" value=\"{HtmlEncoder.Default.Encode(flowToken)}\">";
}
