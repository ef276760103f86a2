using System.Text.Json;

namespace HybridSpa.EndToEnd.Tests.Contract;

/// <summary>contracts/bootstrap.schema.json, the bootstrap contract's single source, and the page's rendered bootstrap JSON.</summary>
public static class BootstrapSchema
{
    private static readonly Lazy<JsonElement> Schema = new(Read);

    /// <summary>The schema, found above the test assembly's folder (in the repository).</summary>
    public static JsonElement Load() => Schema.Value;

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

    private static JsonElement Read()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var schema = Path.Combine(folder.FullName, "contracts", "bootstrap.schema.json");
            if (File.Exists(schema))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(schema));
                return document.RootElement.Clone();
            }
        }

        throw new InvalidOperationException("contracts/bootstrap.schema.json not found above " + AppContext.BaseDirectory);
    }
}
