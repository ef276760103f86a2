using System.Text.Json;

namespace HybridSpa.EntraEmulator.Control;

/// <summary>The options as configured at start, kept as JSON: what a reset returns to, and what changes are tried on before they go live.</summary>
internal sealed class ConfiguredOptions(EntraEmulatorOptions options)
{
    private readonly string _json = JsonSerializer.Serialize(options);

    public EntraEmulatorOptions Create() => JsonSerializer.Deserialize<EntraEmulatorOptions>(_json)!;

    public static EntraEmulatorOptions Copy(EntraEmulatorOptions options) => JsonSerializer.Deserialize<EntraEmulatorOptions>(JsonSerializer.Serialize(options))!;
}
