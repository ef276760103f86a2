using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using HybridSpa.Web.Authentication.EntraSignIn.Events;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace HybridSpa.Web.Authentication.EntraSignIn;

/// <summary>
/// OpenID Connect sign-in against Microsoft Entra ID: code flow with form_post and PKCE, code redeemed through
/// <see cref="IAuthorizationCodeRedeemer"/> (MSAL.NET), id_token validated here. Reads top to bottom:
/// challenge, callback, redemption, validation, sign-out.
/// </summary>
public sealed class EntraSignInHandler : RemoteAuthenticationHandler<EntraSignInOptions>, IAuthenticationSignOutHandler
{
    // A code-flow response is a handful of short fields; anything larger is not from the identity provider.
    private static readonly FormOptions CallbackFormOptions = new()
    {
        ValueCountLimit = 32,
        KeyLengthLimit = 256,
        ValueLengthLimit = 32 * 1024,
        BufferBody = false,
    };

    private const long MaxCallbackBodyBytes = 64 * 1024;

    // Errors for which a prompt=none request should be repeated with the sign-in UI.
    private static readonly HashSet<string> InteractionRequiredErrors = new(StringComparer.Ordinal)
    {
        "login_required", "interaction_required", "consent_required", "account_selection_required",
    };

    // The token endpoint's protocol claims describe the token, not the user (official handler's claim actions).
    private static readonly HashSet<string> ProtocolClaims = new(StringComparer.Ordinal)
    {
        "nonce", "aud", "azp", "acr", "iss", "iat", "nbf", "exp", "at_hash", "c_hash", "ipaddr", "platf", "ver",
    };

    private static readonly HashSet<string> OidcScopes = new(StringComparer.OrdinalIgnoreCase) { "openid", "profile", "offline_access" };

    private readonly IAuthorizationCodeRedeemer _redeemer;
    private OpenIdConnectConfiguration? _configuration;

    /// <summary>Creates the handler.</summary>
    public EntraSignInHandler(
        IOptionsMonitor<EntraSignInOptions> options, ILoggerFactory logger, UrlEncoder encoder, IAuthorizationCodeRedeemer redeemer)
        : base(options, logger, encoder)
    {
        _redeemer = redeemer;
    }

    /// <summary>The events, typed.</summary>
    private new EntraSignInEvents Events => (EntraSignInEvents)base.Events;

    /// <inheritdoc />
    protected override Task<object> CreateEventsAsync() => Task.FromResult<object>(new EntraSignInEvents());

    /// <inheritdoc />
    public override Task<bool> HandleRequestAsync() =>
        Options.SignedOutCallbackPath == Request.Path ? HandleSignedOutCallbackAsync() : base.HandleRequestAsync();

    // ---------------------------------------------------------------- challenge

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var configuration = await GetConfigurationAsync();
        if (string.IsNullOrEmpty(configuration.AuthorizationEndpoint))
        {
            throw new InvalidOperationException($"The discovery document at '{Options.MetadataAddress}' has no authorization_endpoint.");
        }

        if (string.IsNullOrEmpty(properties.RedirectUri))
        {
            properties.RedirectUri = OriginalPathBase + OriginalPath + Request.QueryString;
        }

        var redirectUri = Options.RedirectUri ?? BuildRedirectUri(Options.CallbackPath);
        var extraScopes = properties.GetParameter<IReadOnlyCollection<string>>("scope") ?? [];
        var scopes = Options.Scope.Concat(extraScopes).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var prompt = properties.GetParameter<string>("prompt");
        var loginHint = properties.GetParameter<string>("login_hint");

        var message = new OpenIdConnectMessage
        {
            IssuerAddress = configuration.AuthorizationEndpoint,
            ClientId = Options.ClientId,
            RedirectUri = redirectUri,
            ResponseType = OpenIdConnectResponseType.Code,
            ResponseMode = OpenIdConnectResponseMode.FormPost,
            Scope = string.Join(' ', scopes),
            Prompt = prompt,
            LoginHint = loginHint,
            DomainHint = properties.GetParameter<string>("domain_hint"),
            EnableTelemetryParameters = !Options.DisableTelemetry,
        };
        message.SetParameter("claims", properties.GetParameter<string>("claims"));
        message.SetParameter("client_info", "1");

        // PKCE S256: the verifier travels in the protected state, only its hash goes to the browser.
        var codeVerifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        message.SetParameter("code_challenge", Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(codeVerifier))));
        message.SetParameter("code_challenge_method", "S256");

        message.Nonce = Options.ProtocolValidator.GenerateNonce();
        WriteNonceCookie(message.Nonce);

        properties.Items[EntraSignInDefaults.CodeVerifierKey] = codeVerifier;
        properties.Items[EntraSignInDefaults.RedirectUriKey] = redirectUri;
        properties.Items[EntraSignInDefaults.ScopesKey] = string.Join(' ', scopes);
        SetOrRemove(properties, EntraSignInDefaults.PromptKey, prompt);
        SetOrRemove(properties, EntraSignInDefaults.LoginHintKey, loginHint);
        GenerateCorrelationId(properties);

        var redirectContext = new RedirectContext(Context, Scheme, Options, properties, message);
        await Events.RedirectToIdentityProvider(redirectContext);
        if (redirectContext.Handled)
        {
            return;
        }

        message.State = Options.StateDataFormat.Protect(properties);
        Logger.RedirectingToAuthorize(prompt, properties.Items.ContainsKey(EntraSignInDefaults.SpaCodeDisabledKey));
        Response.Redirect(message.CreateAuthenticationRequestUrl());
    }

    // ---------------------------------------------------------------- callback

    /// <inheritdoc />
    protected override async Task<HandleRequestResult> HandleRemoteAuthenticateAsync()
    {
        var (message, rejection) = await ReadAuthorizationResponseAsync();
        if (message is null)
        {
            return Reject(rejection!);
        }

        if (string.IsNullOrEmpty(message.State))
        {
            return Reject("The state parameter is missing.");
        }

        var properties = Options.StateDataFormat.Unprotect(message.State);
        if (properties is null)
        {
            return Reject("The state parameter is invalid.");
        }

        if (!ValidateCorrelationId(properties))
        {
            return Reject("Correlation failed.", properties);
        }

        if (!string.IsNullOrEmpty(message.Error))
        {
            return await HandleAuthorizeErrorAsync(message, properties);
        }

        if (string.IsNullOrEmpty(message.Code))
        {
            return Reject("The authorization response has no code.", properties);
        }

        if (!properties.Items.Remove(EntraSignInDefaults.CodeVerifierKey, out var codeVerifier) || string.IsNullOrEmpty(codeVerifier)
            || !properties.Items.TryGetValue(EntraSignInDefaults.RedirectUriKey, out var redirectUri) || string.IsNullOrEmpty(redirectUri))
        {
            return Reject("The state carries no PKCE verifier or redirect URI.", properties);
        }

        await GetConfigurationAsync();
        var spaCodeRequested = Options.RequestSpaCode && !properties.Items.ContainsKey(EntraSignInDefaults.SpaCodeDisabledKey);
        var request = new CodeRedemptionRequest(message.Code, codeVerifier, redirectUri, RedemptionScopes(properties), spaCodeRequested);

        CodeRedemptionResult redemption;
        try
        {
            redemption = await RedeemAsync(request, properties);
        }
        catch (EntraProtocolException ex) when (spaCodeRequested && ex.AadstsCode == "9000512")
        {
            // Microsoft accounts cannot get a hybrid SPA code, and the code we hold is single use: sign in again without asking.
            Logger.SpaCodeRefused();
            await RestartSignInAsync(properties, prompt: "none", disableSpaCode: true);
            return HandleRequestResult.Handle();
        }
        catch (EntraProtocolException ex)
        {
            return HandleRequestResult.Fail(ex, properties);
        }

        var validation = await ValidateIdTokenAsync(redemption.IdToken);
        if (!validation.IsValid)
        {
            Logger.IdTokenRejected(validation.Exception?.GetType().Name ?? "invalid");
            return HandleRequestResult.Fail(new SecurityTokenValidationException("The id_token is invalid.", validation.Exception), properties);
        }

        var idToken = (JsonWebToken)validation.SecurityToken;
        var protocolFailure = ValidateProtocol(idToken, redemption);
        if (protocolFailure is not null)
        {
            return Reject(protocolFailure, properties);
        }

        var identity = validation.ClaimsIdentity;
        var clientInfoFailure = AddClientInfoClaims(identity, redemption);
        if (clientInfoFailure is not null)
        {
            return Reject(clientInfoFailure, properties);
        }

        foreach (var claim in identity.Claims.Where(c => ProtocolClaims.Contains(c.Type)).ToList())
        {
            identity.RemoveClaim(claim);
        }

        foreach (var key in EntraSignInDefaults.StateOnlyKeys)
        {
            properties.Items.Remove(key);
        }

        // The id_token is the id_token_hint of the sign-out request; access and refresh tokens stay in MSAL's cache.
        properties.StoreTokens([new AuthenticationToken { Name = "id_token", Value = redemption.IdToken }]);

        var validatedContext = new TokenValidatedContext(Context, Scheme, Options, properties, idToken, redemption, spaCodeRequested)
        {
            Principal = new ClaimsPrincipal(identity),
        };
        await Events.TokenValidated(validatedContext);
        if (validatedContext.Result is not null)
        {
            return validatedContext.Result;
        }

        return HandleRequestResult.Success(new AuthenticationTicket(validatedContext.Principal!, validatedContext.Properties, Scheme.Name));
    }

    private async Task<(OpenIdConnectMessage? Message, string? Rejection)> ReadAuthorizationResponseAsync()
    {
        IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> parameters;
        if (HttpMethods.IsGet(Request.Method))
        {
            parameters = Request.Query;
        }
        else if (HttpMethods.IsPost(Request.Method) && IsUrlEncodedForm(Request.ContentType))
        {
            if (Request.ContentLength > MaxCallbackBodyBytes)
            {
                return (null, "The form is too large.");
            }

            try
            {
                parameters = await new FormFeature(Request, CallbackFormOptions).ReadFormAsync(Context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                return (null, "The form is malformed or exceeds the limits.");
            }
        }
        else
        {
            return (null, "No authorization response: expected a form POST (application/x-www-form-urlencoded) or a GET.");
        }

        var pairs = parameters.ToList();
        if (pairs.Any(p => p.Value.Count > 1))
        {
            return (null, "A parameter is repeated.");
        }

        var message = new OpenIdConnectMessage(pairs.Select(p => new KeyValuePair<string, string[]>(p.Key, [p.Value.ToString()])));

        // Tokens in a URL end up in logs and history; the official handler refuses them too.
        if (HttpMethods.IsGet(Request.Method) && (!string.IsNullOrEmpty(message.IdToken) || !string.IsNullOrEmpty(message.AccessToken)))
        {
            return (null, "Tokens in a GET (query) response are refused.");
        }

        return (message, null);
    }

    private static bool IsUrlEncodedForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private async Task<HandleRequestResult> HandleAuthorizeErrorAsync(OpenIdConnectMessage message, AuthenticationProperties properties)
    {
        var error = new EntraProtocolException(message.Error, message.ErrorDescription, message.GetParameter("correlation_id"));
        Logger.AuthorizeError(message.Error, error.AadstsCode, error.CorrelationId);

        if (message.Error == "access_denied")
        {
            var denied = await HandleAccessDeniedErrorAsync(properties);
            if (!denied.None)
            {
                return denied;
            }
        }

        // A prompt=none round trip (fresh SPA code, 9000512 retry) falls back to the normal sign-in with the same hint.
        if (properties.Items.TryGetValue(EntraSignInDefaults.PromptKey, out var prompt) && prompt == "none"
            && InteractionRequiredErrors.Contains(message.Error))
        {
            Logger.SilentSignInNeedsInteraction(message.Error);
            await RestartSignInAsync(properties, prompt: null, disableSpaCode: properties.Items.ContainsKey(EntraSignInDefaults.SpaCodeDisabledKey));
            return HandleRequestResult.Handle();
        }

        return HandleRequestResult.Fail(error, properties);
    }

    private async Task RestartSignInAsync(AuthenticationProperties previous, string? prompt, bool disableSpaCode)
    {
        var properties = new EntraChallengeProperties
        {
            RedirectUri = previous.RedirectUri,
            Prompt = prompt,
            LoginHint = previous.Items.TryGetValue(EntraSignInDefaults.LoginHintKey, out var hint) ? hint : null,
            ExtraScopes = RedemptionScopes(previous),
            SpaCodeDisabled = disableSpaCode,
        };
        await HandleChallengeAsync(properties);
    }

    private async Task<CodeRedemptionResult> RedeemAsync(CodeRedemptionRequest request, AuthenticationProperties properties)
    {
        var context = new CodeRedemptionContext(Context, Scheme, Options, properties, request);
        await Events.RedeemingCode(context);
        if (context.Result is not null)
        {
            return context.Result;
        }

        Logger.RedeemingCode(request.RequestSpaCode);
        return await _redeemer.RedeemAsync(request, Context.RequestAborted);
    }

    // ---------------------------------------------------------------- id_token validation

    private async Task<TokenValidationResult> ValidateIdTokenAsync(string idToken)
    {
        var result = await ValidateIdTokenAsync(idToken, await GetConfigurationAsync());
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException && Options.RefreshOnIssuerKeyNotFound)
        {
            Logger.SigningKeyRollover();
            Options.ConfigurationManager!.RequestRefresh();
            _configuration = null;
            result = await ValidateIdTokenAsync(idToken, await GetConfigurationAsync());
        }

        return result;
    }

    private Task<TokenValidationResult> ValidateIdTokenAsync(string idToken, OpenIdConnectConfiguration configuration)
    {
        var parameters = Options.TokenValidationParameters.Clone();
        parameters.IssuerSigningKeys = configuration.SigningKeys;
        parameters.IssuerValidator = EntraIssuerValidator.For(configuration.Issuer);
        parameters.AuthenticationType = Scheme.Name;

        // Lifetime against the scheme's clock, the one its cookies and protected state use too.
        parameters.LifetimeValidator = IdTokenLifetime.ValidatorFor(TimeProvider);
        return Options.TokenHandler.ValidateTokenAsync(idToken, parameters);
    }

    private string? ValidateProtocol(JsonWebToken idToken, CodeRedemptionResult redemption)
    {
        var nonce = idToken.TryGetPayloadValue<string>(OpenIdConnectParameterNames.Nonce, out var value) ? ReadNonceCookie(value) : null;
        try
        {
            // Required claims, azp, at_hash and the nonce (timestamp and lifetime included).
            Options.ProtocolValidator.ValidateTokenResponse(new OpenIdConnectProtocolValidationContext
            {
                ClientId = Options.ClientId,
                Nonce = nonce,
                ProtocolMessage = new OpenIdConnectMessage { IdToken = redemption.IdToken, AccessToken = redemption.AccessToken },
                ValidatedIdToken = JwtSecurityTokenConverter.Convert(idToken),
            });
            return null;
        }
        catch (OpenIdConnectProtocolException ex)
        {
            Logger.IdTokenRejected(ex.GetType().Name);
            return "The token response failed protocol validation (nonce, required claims, azp or at_hash).";
        }
    }

    private static string? AddClientInfoClaims(ClaimsIdentity identity, CodeRedemptionResult redemption)
    {
        if (string.IsNullOrEmpty(redemption.ClientInfoUid) || string.IsNullOrEmpty(redemption.ClientInfoUtid))
        {
            return "The token response has no client_info.";
        }

        // client_info names the home account. For a user in their home tenant it must be the id_token's own subject.
        var tid = identity.FindFirst("tid")?.Value;
        var oid = identity.FindFirst("oid")?.Value;
        if (string.Equals(tid, redemption.ClientInfoUtid, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(oid, redemption.ClientInfoUid, StringComparison.OrdinalIgnoreCase))
        {
            return "client_info.uid conflicts with the id_token oid.";
        }

        foreach (var (type, value) in new[] { ("uid", redemption.ClientInfoUid), ("utid", redemption.ClientInfoUtid) })
        {
            var existing = identity.FindFirst(type);
            if (existing is not null && !string.Equals(existing.Value, value, StringComparison.Ordinal))
            {
                return $"client_info.{type} conflicts with the id_token claim.";
            }

            if (existing is null)
            {
                identity.AddClaim(new Claim(type, value));
            }
        }

        return null;
    }

    // ---------------------------------------------------------------- sign-out

    /// <inheritdoc />
    public async Task SignOutAsync(AuthenticationProperties? properties)
    {
        var target = ResolveTarget(Options.ForwardSignOut);
        if (target is not null)
        {
            await Context.SignOutAsync(target, properties);
            return;
        }

        properties ??= new AuthenticationProperties();
        var configuration = await GetConfigurationAsync();
        if (string.IsNullOrEmpty(configuration.EndSessionEndpoint))
        {
            throw new InvalidOperationException($"The discovery document at '{Options.MetadataAddress}' has no end_session_endpoint.");
        }

        var message = new OpenIdConnectMessage
        {
            IssuerAddress = configuration.EndSessionEndpoint,
            PostLogoutRedirectUri = Options.PostLogoutRedirectUri ?? BuildRedirectUri(Options.SignedOutCallbackPath),
            IdTokenHint = properties.GetTokenValue("id_token") ?? await Context.GetTokenAsync(Options.SignInScheme, "id_token"),
            EnableTelemetryParameters = !Options.DisableTelemetry,
        };
        message.SetParameter("logout_hint", properties.GetParameter<string>("logout_hint"));

        if (string.IsNullOrEmpty(properties.RedirectUri))
        {
            properties.RedirectUri = Options.SignedOutRedirectUri;
        }

        var redirectContext = new RedirectContext(Context, Scheme, Options, properties, message);
        await Events.RedirectToIdentityProviderForSignOut(redirectContext);
        if (redirectContext.Handled)
        {
            return;
        }

        // The tokens are not needed to come back and must not be echoed through the browser.
        properties.StoreTokens([]);
        message.State = Options.StateDataFormat.Protect(properties);
        Logger.RedirectingToEndSession();
        Response.Redirect(message.CreateLogoutRequestUrl());
    }

    private async Task<bool> HandleSignedOutCallbackAsync()
    {
        var state = Request.Query[OpenIdConnectParameterNames.State];
        var properties = state.Count == 1 ? Options.StateDataFormat.Unprotect(state.ToString()) : null;
        Logger.SignedOutCallback(properties is null ? (state.Count == 0 ? "absent" : "invalid") : "valid");

        var context = new SignedOutCallbackContext(Context, Scheme, Options, properties);
        await Events.SignedOutCallbackRedirect(context);
        if (context.Result is { } result)
        {
            return result.Handled;
        }

        // Only a state we protected can pick the target, so this is never an open redirect.
        Response.Redirect(string.IsNullOrEmpty(properties?.RedirectUri) ? Options.SignedOutRedirectUri : properties.RedirectUri);
        return true;
    }

    // ---------------------------------------------------------------- helpers

    private async Task<OpenIdConnectConfiguration> GetConfigurationAsync() =>
        _configuration ??= await Options.ConfigurationManager!.GetConfigurationAsync(Context.RequestAborted);

    private HandleRequestResult Reject(string reason, AuthenticationProperties? properties = null)
    {
        Logger.CallbackRejected(reason);
        return HandleRequestResult.Fail(reason, properties);
    }

    private void WriteNonceCookie(string nonce)
    {
        Response.Cookies.Append(Options.NonceCookie.Name + Options.StringDataFormat.Protect(nonce), "N", BuildNonceCookieOptions());
    }

    private string? ReadNonceCookie(string nonce)
    {
        foreach (var name in Request.Cookies.Keys)
        {
            if (!name.StartsWith(Options.NonceCookie.Name!, StringComparison.Ordinal))
            {
                continue;
            }

            var protectedNonce = name[Options.NonceCookie.Name!.Length..];
            if (string.Equals(Options.StringDataFormat.Unprotect(protectedNonce), nonce, StringComparison.Ordinal))
            {
                // Deleted with the same attributes it was written with, so the browser matches it.
                Response.Cookies.Delete(name, BuildNonceCookieOptions());
                return nonce;
            }
        }

        return null;
    }

    private CookieOptions BuildNonceCookieOptions()
    {
        var cookieOptions = Options.NonceCookie.Build(Context, TimeProvider.GetUtcNow());

        // Scoped to the callback path, like the correlation cookie: no other request needs to carry it.
        cookieOptions.Path = Options.NonceCookie.Path ?? OriginalPathBase + Options.CallbackPath;
        return cookieOptions;
    }

    private static string[] RedemptionScopes(AuthenticationProperties properties) =>
        SplitScopes(properties.Items.TryGetValue(EntraSignInDefaults.ScopesKey, out var scopes) ? scopes : null)
            .Where(s => !OidcScopes.Contains(s)).ToArray();

    private static string[] SplitScopes(string? scopes) =>
        string.IsNullOrWhiteSpace(scopes) ? [] : scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static void SetOrRemove(AuthenticationProperties properties, string key, string? value)
    {
        if (value is null)
        {
            properties.Items.Remove(key);
        }
        else
        {
            properties.Items[key] = value;
        }
    }
}
