using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// The checks the official handler skips when the code was redeemed by someone else (Identity.Web, through MSAL.NET): it
/// validates the token response's id_token only "cursorily" then — no nonce, no azp, no at_hash, unsigned tokens allowed.
/// IdentityModel's own azp check only logs (IDX21339) when several audiences come without one. The id_token's lifetime is
/// read against <paramref name="clock"/>, the scheme's, so the token, the cookies and the protected state agree on "now".
/// </summary>
internal sealed class TokenResponseValidation(TimeProvider clock) : SignInEventsAddition
{
    /// <inheritdoc />
    protected override void Chain(string scheme, OpenIdConnectOptions options)
    {
        options.TokenValidationParameters.LifetimeValidator = LifetimeOn(clock);
        var tokenValidated = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = context =>
        {
            if (Check(context) is { } failure)
            {
                context.Fail(failure);
                return Task.CompletedTask;
            }

            return tokenValidated(context);
        };
    }

    // The default validator's semantics on the given clock: exp required, nbf not after it, clock skew on both ends.
    private static LifetimeValidator LifetimeOn(TimeProvider clock) => (notBefore, expires, _, parameters) =>
    {
        if (expires is null || notBefore > expires)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var skew = parameters.ClockSkew;
        return (notBefore is null || notBefore.Value <= now + skew) && expires.Value >= now - skew;
    };

    // Null when the response holds up; otherwise why it does not.
    private static Exception? Check(TokenValidatedContext context)
    {
        var idToken = context.SecurityToken;
        if (string.IsNullOrEmpty(idToken.RawSignature))
        {
            return new SecurityTokenInvalidSignatureException("The id_token is not signed.");
        }

        if (idToken.Audiences.Skip(1).Any() && string.IsNullOrEmpty(idToken.Payload.Azp))
        {
            // OpenID Connect Core 3.1.3.7, items 3 and 4: a token for several audiences must say which party it was issued to.
            return new SecurityTokenInvalidAudienceException("The id_token has several audiences and no azp.");
        }

        try
        {
            // Required claims, iat, azp, at_hash and the nonce against the nonce cookie (timestamp and lifetime included).
            context.Options.ProtocolValidator.ValidateTokenResponse(new OpenIdConnectProtocolValidationContext
            {
                ClientId = context.Options.ClientId,
                ProtocolMessage = context.TokenEndpointResponse ?? new OpenIdConnectMessage(),
                ValidatedIdToken = idToken,
                Nonce = context.Nonce,
            });
        }
        catch (OpenIdConnectProtocolException ex)
        {
            return ex;
        }

        return ClientInfoConflict(idToken, context.ProtocolMessage.GetParameter("client_info"));
    }

    // client_info names the home account. For a user in their home tenant it must be the id_token's own subject.
    private static SecurityTokenException? ClientInfoConflict(JwtSecurityToken idToken, string? clientInfo)
    {
        if (string.IsNullOrEmpty(clientInfo))
        {
            return null;
        }

        string? uid;
        string? utid;
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(clientInfo));
            uid = json.RootElement.TryGetProperty("uid", out var u) ? u.GetString() : null;
            utid = json.RootElement.TryGetProperty("utid", out var t) ? t.GetString() : null;
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or ArgumentException or InvalidOperationException)
        {
            return new SecurityTokenException("client_info is malformed.");
        }

        var tid = idToken.Payload.TryGetValue("tid", out var tidValue) ? tidValue as string : null;
        var oid = idToken.Payload.TryGetValue("oid", out var oidValue) ? oidValue as string : null;
        return string.Equals(tid, utid, StringComparison.OrdinalIgnoreCase) && !string.Equals(oid, uid, StringComparison.OrdinalIgnoreCase)
            ? new SecurityTokenException("client_info.uid conflicts with the id_token oid.")
            : null;
    }
}
