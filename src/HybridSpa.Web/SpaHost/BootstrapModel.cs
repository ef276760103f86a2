namespace HybridSpa.Web.SpaHost;

/// <summary>The bootstrap JSON, server → SPA: its contract is contracts/bootstrap.schema.json (held to it by the web tests' ContractSchemaTests).</summary>
public sealed record BootstrapModel(
    string ClientId,
    string Authority,
    IReadOnlyList<string> KnownAuthorities,
    string? AuthorityMetadata,
    string RedirectUri,
    IReadOnlyList<string> Scopes,
    string GraphBaseUrl,
    string? SpaCode,
    string? LoginHint,
    string? Sid,
    bool BootstrapByRedirect,
    bool SpaCodeRequested,
    string? SilentRedirectUri,
    string FreshSpaCodeUrl,
    string SessionStatusUrl,
    SignOutBootstrap SignOut,
    SitePages Pages);

/// <summary>
/// How the SPA signs out: a form POST to <paramref name="Url"/> with the antiforgery token it asks <paramref name="AntiforgeryUrl"/>
/// for when the user signs out, not on every render of the host page.
/// </summary>
public sealed record SignOutBootstrap(string Url, string AntiforgeryUrl);

/// <summary>The site's pages the SPA links to in its navigation, the same paths their routes are declared with.</summary>
public sealed record SitePages(string Home, string Profile, string ProfileMail, string SignedOut);
