using System.Text.Json;

namespace HybridSpa.EndToEnd.Tests.Contract;

/// <summary>The page's rendered bootstrap JSON (held to contracts/bootstrap.schema.json with HybridSpa.Tests.Contracts.ContractSchema).</summary>
public static class BootstrapSchema
{
    /// <summary>The JSON the server rendered into #hybridspa-bootstrap (from the page's HTML as it arrived, before the SPA blanked its code).</summary>
    public static async Task<JsonDocument> RenderedAsync(Browser.BrowserSession browser)
    {
        var html = await browser.LastDocumentHtmlAsync();
        const string Start = "<script type=\"application/json\" id=\"hybridspa-bootstrap\">";
        var from = html.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        return JsonDocument.Parse(html[from..html.IndexOf("</script>", from, StringComparison.Ordinal)]);
    }

    /// <summary>The JSON in #hybridspa-bootstrap now, after the SPA read it.</summary>
    public static async Task<JsonDocument> InPageAsync(Browser.BrowserSession browser) =>
        JsonDocument.Parse(await browser.Page.EvaluateAsync<string>("() => document.getElementById('hybridspa-bootstrap').textContent"));
}
