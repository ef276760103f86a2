using HybridSpa.EntraEmulator.Claims;
using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Errors;
using HybridSpa.EntraEmulator.Hosting;
using HybridSpa.EntraEmulator.Scopes;
using HybridSpa.EntraEmulator.Stores;
using P = HybridSpa.EntraEmulator.Validation.AuthorizeRequestParameters;

namespace HybridSpa.EntraEmulator.Validation;

/// <summary>
/// The /authorize rules (entra-protocol.md §5). Until the client and redirect URI are known to match a registration, errors go to
/// Entra's error page (AADSTS50011 is never redirected); after that they go back to the redirect URI with the state.
/// </summary>
internal sealed class AuthorizeRequestValidator(EmulatorDirectory directory)
{
    public AuthorizeValidationResult Validate(TenantRoute tenant, IReadOnlyDictionary<string, string> parameters)
    {
        string? Get(string name) => parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        var clientId = Get(P.ClientId);
        if (clientId is null)
        {
            return Page(AadstsErrors.MissingParameter(P.ClientId));
        }

        var app = directory.FindApplication(clientId);
        if (app is null)
        {
            return Page(AadstsErrors.UnknownApplication(Truncate(clientId), tenant.TenantId ?? directory.TenantId));
        }

        // UNCONFIRMED: Entra may fall back to a registered redirect URI when none is sent; the emulator requires it.
        var redirectUri = Get(P.RedirectUri);
        if (redirectUri is null)
        {
            return Page(AadstsErrors.MissingParameter(P.RedirectUri));
        }

        CodeKind kind;
        if (app.WebRedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            kind = CodeKind.Web;
        }
        else if (app.SpaRedirectUris.Contains(redirectUri, StringComparer.Ordinal))
        {
            kind = CodeKind.Spa;
        }
        else
        {
            return Page(AadstsErrors.RedirectUriNotRegistered(Truncate(redirectUri), app.ClientId));
        }

        var state = Get(P.State);
        var responseMode = Get(P.ResponseMode) ?? "query";
        if (!P.ResponseModes.Contains(responseMode, StringComparer.Ordinal))
        {
            return Redirect(redirectUri, "query", state, AadstsErrors.InvalidParameterValue(P.ResponseMode));
        }

        AuthorizeValidationResult Fail(AadstsError error) => Redirect(redirectUri, responseMode, state, error);

        var responseType = Get(P.ResponseType);
        if (responseType is null)
        {
            return Fail(AadstsErrors.MissingParameter(P.ResponseType));
        }

        if (responseType != "code")
        {
            return Fail(AadstsErrors.UnsupportedResponseType(Truncate(responseType)));
        }

        var scope = Get(P.Scope);
        if (scope is null)
        {
            return Fail(AadstsErrors.MissingParameter(P.Scope));
        }

        var (scopes, scopeError) = ScopeParser.Parse(scope, directory.Options.GraphScopes);
        if (scopeError is not null)
        {
            return Fail(scopeError);
        }

        var prompt = Get(P.Prompt);
        if (prompt is not null && !P.Prompts.Contains(prompt, StringComparer.Ordinal))
        {
            return Fail(AadstsErrors.InvalidParameterValue(P.Prompt));
        }

        var challenge = Get(P.CodeChallenge);
        var method = Get(P.CodeChallengeMethod);
        if (method is not null && (challenge is null || (method != PkceVerifier.S256 && method != PkceVerifier.Plain)))
        {
            return Fail(AadstsErrors.InvalidParameterValue(P.CodeChallengeMethod));
        }

        if (challenge is not null && challenge.Length is < 43 or > 128)
        {
            return Fail(AadstsErrors.InvalidCodeChallenge());
        }

        TimeSpan? maxAge = null;
        if (Get(P.MaxAge) is { } maxAgeText)
        {
            // UNCONFIRMED: the AADSTS number for a max_age that is not a number of seconds.
            if (!long.TryParse(maxAgeText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds > int.MaxValue)
            {
                return Fail(AadstsErrors.InvalidParameterValue(P.MaxAge));
            }

            maxAge = TimeSpan.FromSeconds(seconds);
        }

        var (claims, claimsError) = ClaimsRequest.Parse(Get(P.Claims));
        if (claimsError is not null)
        {
            return Fail(claimsError);
        }

        var validated = new ValidatedAuthorizeRequest(
            tenant, app, redirectUri, kind, responseMode, scopes!, state, Get(P.Nonce), prompt, Get(P.LoginHint),
            challenge, challenge is null ? null : method ?? PkceVerifier.Plain, Get(P.ClientInfo) == "1", maxAge, claims!);
        return new AuthorizeValidationResult(validated, null, null);
    }

    private static AuthorizeValidationResult Page(AadstsError error) => new(null, error, null);

    private static AuthorizeValidationResult Redirect(string redirectUri, string responseMode, string? state, AadstsError error) =>
        new(null, null, new AuthorizeRedirectError(redirectUri, responseMode, state, error));

    private static string Truncate(string value) => value.Length > 256 ? value[..256] : value;
}
