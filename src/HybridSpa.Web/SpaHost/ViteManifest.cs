using System.Text.Json;

namespace HybridSpa.Web.SpaHost;

/// <summary>Reads the Vite build manifest (<c>wwwroot/app/.vite/manifest.json</c>) to find the SPA entry's hashed files.</summary>
public sealed class ViteManifest(IWebHostEnvironment environment)
{
    /// <summary>Path of the manifest inside the web root.</summary>
    public const string ManifestPath = "app/.vite/manifest.json";

    /// <summary>The entry key in the manifest.</summary>
    public const string EntryKey = "src/main.tsx";

    private const string UrlBase = "/app/";

    private ViteEntry? _entry;

    /// <summary>The entry, or null when the client app has not been built (checked again on each call until it is).</summary>
    public ViteEntry? GetEntry() => _entry ??= Read();

    private ViteEntry? Read()
    {
        var file = environment.WebRootFileProvider.GetFileInfo(ManifestPath);
        if (!file.Exists)
        {
            return null;
        }

        using var stream = file.CreateReadStream();
        using var document = JsonDocument.Parse(stream);
        var chunks = document.RootElement;
        if (!chunks.TryGetProperty(EntryKey, out var entry) || FileOf(entry) is not { } scriptFile)
        {
            return null;
        }

        return new ViteEntry(
            UrlBase + scriptFile,
            [.. Keys(entry, "css").Select(css => UrlBase + css)],
            [.. UrlsOf(chunks, StaticImportsOf(chunks, EntryKey))]);
    }

    /// <summary>Every chunk <paramref name="key"/> imports statically, transitively (not itself).</summary>
    private static List<string> StaticImportsOf(JsonElement chunks, string key)
    {
        var found = new List<string>();
        var pending = new Stack<string>(ImportsOf(chunks, key));
        while (pending.TryPop(out var next))
        {
            if (next != key && !found.Contains(next))
            {
                found.Add(next);
                foreach (var imported in ImportsOf(chunks, next))
                {
                    pending.Push(imported);
                }
            }
        }

        return found;
    }

    private static IEnumerable<string> ImportsOf(JsonElement chunks, string key) =>
        chunks.TryGetProperty(key, out var chunk) ? Keys(chunk, "imports") : [];

    private static IEnumerable<string> UrlsOf(JsonElement chunks, IEnumerable<string> keys) =>
        keys.Select(key => chunks.TryGetProperty(key, out var chunk) ? FileOf(chunk) : null)
            .OfType<string>()
            .Select(file => UrlBase + file);

    private static string? FileOf(JsonElement chunk) =>
        chunk.TryGetProperty("file", out var file) && file.GetString() is { Length: > 0 } name ? name : null;

    private static IEnumerable<string> Keys(JsonElement chunk, string property) =>
        chunk.TryGetProperty(property, out var values) && values.ValueKind == JsonValueKind.Array
            ? [.. values.EnumerateArray().Select(value => value.GetString()).OfType<string>()]
            : [];
}
