namespace HybridSpa.Web.SpaHost;

/// <summary>What the SPA host view renders.</summary>
/// <param name="BootstrapJson">Encoded bootstrap JSON, safe to emit raw inside the script element.</param>
/// <param name="Entry">The built bundle, or null when the client app was not built.</param>
/// <param name="IdentityProviderOrigin">The authority's origin, which the SPA's first token request goes to.</param>
public sealed record HomeViewModel(string BootstrapJson, ViteEntry? Entry, string IdentityProviderOrigin);
