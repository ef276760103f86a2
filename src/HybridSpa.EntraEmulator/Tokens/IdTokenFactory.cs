using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Hosting;
using HybridSpa.EntraEmulator.Scopes;

namespace HybridSpa.EntraEmulator.Tokens;

/// <summary>Mints v2.0 ID tokens (entra-protocol.md §7.2).</summary>
internal sealed class IdTokenFactory(JwtSigner signer, EmulatorUrls urls, EmulatorDirectory directory, TimeProvider clock)
{
    public string Create(TokenContext context)
    {
        var now = clock.GetUtcNow();
        var user = context.User;
        var member = directory.MemberIn(user, context.TenantId);
        var app = context.Application;
        var claims = new Dictionary<string, object?>
        {
            ["aud"] = app.ClientId,
            ["iss"] = urls.Issuer(context.TenantId),
            ["iat"] = (now - TimeSpan.FromMinutes(5)).ToUnixTimeSeconds(),
            ["nbf"] = (now - TimeSpan.FromMinutes(5)).ToUnixTimeSeconds(),
            ["exp"] = (now - TimeSpan.FromMinutes(5) + directory.Options.Lifetimes.IdToken).ToUnixTimeSeconds(),
            ["aio"] = OpaqueValues.NewHandle(48),

            // When the user last entered a credential: OIDC clients that send max_age (ASP.NET Core's MaxAge) reject tokens without it.
            ["auth_time"] = context.AuthTime.ToUnixTimeSeconds(),
        };
        if (context.Scopes.Has(OidcScopes.Email) || app.OptionalClaims.Email)
        {
            claims["email"] = user.Mail;
        }

        if (app.OptionalClaims.LoginHint)
        {
            claims["login_hint"] = directory.LoginHintOf(user);
        }

        if (context.Scopes.Has(OidcScopes.Profile))
        {
            claims["name"] = user.DisplayName;
        }

        if (context.Nonce is not null)
        {
            claims["nonce"] = context.Nonce;
        }

        claims["oid"] = member.ObjectId;
        if (context.Scopes.Has(OidcScopes.Profile))
        {
            claims["preferred_username"] = user.UserPrincipalName;
        }

        claims["rh"] = OpaqueValues.NewHandle(24);
        if (app.OptionalClaims.Sid)
        {
            claims["sid"] = context.Sid;
        }

        claims["sub"] = OpaqueValues.PairwiseSubject(app.ClientId, member.ObjectId);
        claims["tid"] = context.TenantId;
        claims["uti"] = OpaqueValues.NewHandle(16);
        claims["ver"] = "2.0";
        return signer.Sign(claims);
    }
}
