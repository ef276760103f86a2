namespace HybridSpa.EntraEmulator;

/// <summary>An app registration: one client id with its credentials, redirect URIs and ID-token optional claims.</summary>
public sealed class AppRegistration
{
    /// <summary>The application (client) id, a GUID.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The name shown on the consent page and used in error messages.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Client secret values accepted in the body or through HTTP Basic.</summary>
    public List<string> ClientSecrets { get; set; } = [];

    /// <summary>Public certificates (base64 DER or PEM) whose keys may sign <c>client_assertion</c> JWTs.</summary>
    public List<string> ClientCertificates { get; set; } = [];

    /// <summary>Redirect URIs of the "Web" platform: codes sent here are redeemed by a confidential client.</summary>
    public List<string> WebRedirectUris { get; set; } = [];

    /// <summary>Redirect URIs of the "Single-page application" platform: codes sent here are redeemed cross-origin, with PKCE.</summary>
    public List<string> SpaRedirectUris { get; set; } = [];

    /// <summary>Where the logout endpoint may send the browser back to (redirect URIs are accepted too).</summary>
    public List<string> PostLogoutRedirectUris { get; set; } = [];

    /// <summary>Delegated scopes an administrator has consented to for every user; see <see cref="EntraEmulatorOptions.AutoConsent"/>.</summary>
    public List<string> DefaultConsentedScopes { get; set; } = [];

    /// <summary>
    /// Graph application permissions an administrator has granted (e.g. User.Read.All): the <c>roles</c> of the app-only tokens
    /// client credentials get.
    /// </summary>
    public List<string> ApplicationPermissions { get; set; } = [];

    /// <summary>
    /// Graph paths (e.g. <c>/v1.0/me/messages</c>, and everything under it) on which Graph demands a Conditional Access
    /// authentication context (e.g. <c>c1</c>) from this app's delegated tokens: a token without it in <c>acrs</c> gets a claims challenge.
    /// </summary>
    public Dictionary<string, string> GraphAuthenticationContexts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The app's front-channel logout URL: when a browser session that signed in to this app signs out at the emulator, its
    /// logout page loads this URL in a hidden iframe with <c>?sid=</c> the session's <c>sid</c> (and, as Entra, no <c>iss</c>).
    /// </summary>
    public string? FrontChannelLogoutUrl { get; set; }

    /// <summary>Optional claims added to ID tokens.</summary>
    public OptionalClaimsSettings OptionalClaims { get; set; } = new();
}
