using Microsoft.Extensions.Configuration;

namespace HybridSpa.EntraEmulator;

/// <summary>Everything the emulator knows: its tenant, app registrations, test users and token lifetimes (config section "EntraEmulator").</summary>
public sealed class EntraEmulatorOptions
{
    /// <summary>The configuration section the runnable binds these options from.</summary>
    public const string SectionName = "EntraEmulator";

    /// <summary>The tenant id (a GUID) that appears as <c>tid</c> and in the issuer.</summary>
    public string TenantId { get; set; } = DevelopmentDefaults.TenantId;

    /// <summary>The tenant's display name, shown on the sign-in pages.</summary>
    public string TenantDisplayName { get; set; } = "HybridSpa Development";

    /// <summary>The tenant's initial domain, used in guests' <c>#EXT#</c> user principal names.</summary>
    public string TenantDomain { get; set; } = "hybridspa.onmicrosoft.com";

    /// <summary>App registrations (client ids with their secrets, certificates and redirect URIs).</summary>
    public List<AppRegistration> Applications { get; set; } = [];

    /// <summary>The users that can sign in.</summary>
    public List<TestUser> Users { get; set; } = [];

    /// <summary>How long codes and tokens live.</summary>
    public TokenLifetimes Lifetimes { get; set; } = new();

    /// <summary>
    /// When true, scopes covered by the app's <see cref="AppRegistration.DefaultConsentedScopes"/> are granted without a consent page,
    /// unless the user is flagged <see cref="TestUser.RequiresConsent"/> or <c>prompt=consent</c> is sent. When false, every scope not yet
    /// granted by the user goes through the consent page.
    /// </summary>
    public bool AutoConsent { get; set; } = true;

    /// <summary>Delegated Microsoft Graph permissions the emulator recognises; anything else is AADSTS70011.</summary>
    public List<string> GraphScopes { get; set; } = [];

    /// <summary>
    /// The options in the "EntraEmulator" section of <paramref name="configuration"/>; a section that exists replaces the defaults
    /// (its lists are not merged with the default users and apps), and without one the defaults of <see cref="CreateDefault"/> apply.
    /// </summary>
    public static EntraEmulatorOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        if (!section.Exists())
        {
            return CreateDefault();
        }

        var options = new EntraEmulatorOptions { GraphScopes = [.. DevelopmentDefaults.GraphScopes] };
        section.Bind(options);
        return options;
    }

    /// <summary>The defaults of docs/architecture.md: one app registration and three users.</summary>
    public static EntraEmulatorOptions CreateDefault() => new()
    {
        Applications = [DevelopmentDefaults.CreateApplication()],
        Users = DevelopmentDefaults.CreateUsers(),
        GraphScopes = [.. DevelopmentDefaults.GraphScopes],
    };
}
