using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.Web.Authentication.EntraSignIn;

/// <summary>Options of the Entra sign-in handler (code flow, form_post, PKCE, MSAL.NET redemption).</summary>
public sealed class EntraSignInOptions : RemoteAuthenticationOptions
{
    private CookieBuilder _nonceCookieBuilder;

    /// <summary>Creates options with the same safe defaults as ASP.NET Core's OpenID Connect handler.</summary>
    public EntraSignInOptions()
    {
        CallbackPath = EntraSignInDefaults.CallbackPath;
        Events = new EntraSignInEvents();

        // form_post is a cross-site POST: these cookies only come back if they are SameSite=None, which requires Secure.
        CorrelationCookie.SecurePolicy = CookieSecurePolicy.Always;
        CorrelationCookie.SameSite = SameSiteMode.None;
        CorrelationCookie.HttpOnly = true;
        _nonceCookieBuilder = new CookieBuilder
        {
            Name = EntraSignInDefaults.CookieNoncePrefix,
            HttpOnly = true,
            SameSite = SameSiteMode.None,
            SecurePolicy = CookieSecurePolicy.Always,
            IsEssential = true,
            Expiration = TimeSpan.FromMinutes(15),
        };
    }

    /// <summary>The issuer-shaped authority, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>Discovery document URL; defaults to <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Application (client) id; also the expected id_token audience.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Metadata must be fetched over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How often metadata is refreshed on its own.</summary>
    public TimeSpan AutomaticRefreshInterval { get; set; } = ConfigurationManager<OpenIdConnectConfiguration>.DefaultAutomaticRefreshInterval;

    /// <summary>Minimum time between forced refreshes (key rollover).</summary>
    public TimeSpan RefreshInterval { get; set; } = ConfigurationManager<OpenIdConnectConfiguration>.DefaultRefreshInterval;

    /// <summary>Refresh metadata and retry once when the id_token's signing key is unknown (key rollover).</summary>
    public bool RefreshOnIssuerKeyNotFound { get; set; } = true;

    /// <summary>Loads and caches the discovery document and keys; created by post-configuration when null.</summary>
    public IConfigurationManager<OpenIdConnectConfiguration>? ConfigurationManager { get; set; }

    /// <summary>Scopes always requested at the authorize endpoint.</summary>
    public ICollection<string> Scope { get; } = new HashSet<string>(StringComparer.Ordinal) { "openid", "profile", "offline_access" };

    /// <summary>Absolute Web redirect URI; when null it is built from the request and <see cref="RemoteAuthenticationOptions.CallbackPath"/>.</summary>
    public string? RedirectUri { get; set; }

    /// <summary>Path of the post-logout redirect URI the handler answers.</summary>
    public PathString SignedOutCallbackPath { get; set; } = EntraSignInDefaults.SignedOutCallbackPath;

    /// <summary>Absolute post-logout redirect URI; when null it is built from the request and <see cref="SignedOutCallbackPath"/>.</summary>
    public string? PostLogoutRedirectUri { get; set; }

    /// <summary>Where the signed-out callback sends the browser when the state does not say.</summary>
    public string SignedOutRedirectUri { get; set; } = "/";

    /// <summary>Ask for a hybrid SPA code when redeeming the code (Microsoft.Identity.Web's <c>WithSpaAuthCode</c>).</summary>
    public bool RequestSpaCode { get; set; }

    /// <summary>Do not send the <c>x-client-SKU</c>/<c>x-client-ver</c> parameters.</summary>
    public bool DisableTelemetry { get; set; }

    /// <summary>Nonce cookie settings; the name is a prefix completed by the protected nonce.</summary>
    public CookieBuilder NonceCookie
    {
        get => _nonceCookieBuilder;
        set => _nonceCookieBuilder = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Validates nonce, required claims, <c>azp</c> and <c>at_hash</c> of the token response.</summary>
    public OpenIdConnectProtocolValidator ProtocolValidator { get; set; } = new()
    {
        RequireStateValidation = false,
        NonceLifetime = TimeSpan.FromMinutes(15),
    };

    /// <summary>Validates id_token signature, issuer, audience and lifetime.</summary>
    public JsonWebTokenHandler TokenHandler { get; set; } = new() { MapInboundClaims = false };

    /// <summary>Parameters for id_token validation; keys, issuer and audience are filled from metadata and <see cref="ClientId"/>.</summary>
    public TokenValidationParameters TokenValidationParameters { get; set; } = new()
    {
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ValidateAudience = true,
        ValidateIssuer = true,
        ClockSkew = TimeSpan.FromMinutes(5),
        NameClaimType = "name",
        RoleClaimType = "roles",
    };

    /// <summary>Protects the <c>state</c> parameter.</summary>
    public ISecureDataFormat<AuthenticationProperties> StateDataFormat { get; set; } = null!;

    /// <summary>Protects the nonce in the nonce cookie name.</summary>
    public ISecureDataFormat<string> StringDataFormat { get; set; } = null!;

    /// <summary>Events the application can hook.</summary>
    public new EntraSignInEvents Events
    {
        get => (EntraSignInEvents)base.Events;
        set => base.Events = value;
    }

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrEmpty(ClientId))
        {
            throw new ArgumentException("EntraSignInOptions.ClientId must be provided.", nameof(ClientId));
        }

        if (string.IsNullOrEmpty(MetadataAddress) && ConfigurationManager is null)
        {
            throw new ArgumentException("EntraSignInOptions.Authority or MetadataAddress must be provided.", nameof(MetadataAddress));
        }

        if (!SignedOutCallbackPath.HasValue)
        {
            throw new ArgumentException("EntraSignInOptions.SignedOutCallbackPath must be provided.", nameof(SignedOutCallbackPath));
        }
    }
}
