using System.Text.Encodings.Web;
using System.Text.Json;

namespace HybridSpa.Web.SpaHost;

/// <summary>
/// Serializes the bootstrap for a <c>&lt;script type="application/json"&gt;</c> element. The default JavaScript encoder
/// escapes &lt; &gt; &amp; ' and " inside strings, so <c>&lt;/script&gt;</c> in a display name stays inert.
/// (Never switch to UnsafeRelaxedJsonEscaping here.)
/// </summary>
public static class BootstrapSerializer
{
    /// <summary>The serializer's options: web naming, the default JavaScript encoder (the contract tests derive the record's schema with them).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Default,
    };

    /// <summary>The JSON text, safe to emit raw inside the script element.</summary>
    public static string Serialize(BootstrapModel model) => JsonSerializer.Serialize(model, Options);

    /// <summary>Reads the JSON back (tests, tools).</summary>
    public static BootstrapModel? Deserialize(string json) => JsonSerializer.Deserialize<BootstrapModel>(json, Options);
}
