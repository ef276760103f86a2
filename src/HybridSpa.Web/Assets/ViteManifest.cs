using System.Text.Json;

namespace HybridSpa.Web.Assets;

/// <summary>Reads the Vite build manifest (<c>wwwroot/app/.vite/manifest.json</c>) to find the SPA entry's hashed files.</summary>
public sealed class ViteManifest(IWebHostEnvironment environment)
{
    /// <summary>Path of the manifest inside the web root.</summary>
    public const string ManifestPath = "app/.vite/manifest.json";

    /// <summary>The entry key in the manifest.</summary>
    public const string EntryKey = "src/main.tsx";

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
        if (!document.RootElement.TryGetProperty(EntryKey, out var entry)
            || !entry.TryGetProperty("file", out var script) || script.GetString() is not { Length: > 0 } scriptFile)
        {
            return null;
        }

        var css = entry.TryGetProperty("css", out var cssFiles) && cssFiles.ValueKind == JsonValueKind.Array
            ? cssFiles.EnumerateArray().Select(c => "/app/" + c.GetString()).ToArray()
            : [];
        return new ViteEntry("/app/" + scriptFile, css);
    }
}
