using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Scopes;
using HybridSpa.EntraEmulator.Stores;
using HybridSpa.EntraEmulator.Tokens;
using HybridSpa.EntraEmulator.Validation;

namespace HybridSpa.EntraEmulator.ResponseGeneration;

/// <summary>Mints the /token success body in Entra's member order (entra-protocol.md §6, §10 pitfalls 8–10).</summary>
internal sealed class TokenResponseGenerator(
    GraphAccessTokenFactory accessTokens,
    IdTokenFactory idTokens,
    AuthorizationCodeStore codes,
    RefreshTokenStore refreshTokens,
    EmulatorDirectory directory,
    TimeProvider clock)
{
    public Dictionary<string, object> Create(ValidatedTokenRequest request)
    {
        var now = clock.GetUtcNow();
        var lifetimes = directory.Options.Lifetimes;
        var context = request.Token;
        var (accessToken, lifetime) = accessTokens.Create(context, lifetimes);
        var expiresIn = (long)lifetime.TotalSeconds;
        var body = new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["scope"] = ReturnedScope(context.Scopes),
            ["expires_in"] = expiresIn,
            ["ext_expires_in"] = expiresIn,
            ["access_token"] = accessToken,
        };
        if (context.Scopes.Has(OidcScopes.OfflineAccess))
        {
            var grant = IssueRefreshToken(request, now, lifetimes);
            body["refresh_token"] = grant.Handle;
            if (grant.IsSpa)
            {
                // UNCONFIRMED: presence and value of refresh_token_expires_in for SPA refresh tokens.
                body["refresh_token_expires_in"] = (long)(grant.ExpiresAt - now).TotalSeconds;
            }
        }

        if (context.Scopes.Has(OidcScopes.OpenId))
        {
            body["id_token"] = idTokens.Create(context);
        }

        if (request.ReturnClientInfo)
        {
            body["client_info"] = ClientInfo.Encode(context.User.ObjectId, context.HomeTenantId);
        }

        if (request.ReturnSpaCode)
        {
            body["spa_code"] = IssueSpaCode(request, now, lifetimes).Handle;
        }

        return body;
    }

    /// <summary>Client credentials: Entra's four members, no scope, refresh token or ID token.</summary>
    public Dictionary<string, object> CreateAppOnly(ValidatedClientCredentialsRequest request)
    {
        var (accessToken, lifetime) = accessTokens.CreateAppOnly(request, directory.Options.Lifetimes);
        var expiresIn = (long)lifetime.TotalSeconds;
        return new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = expiresIn,
            ["ext_expires_in"] = expiresIn,
            ["access_token"] = accessToken,
        };
    }

    /// <summary>Graph permissions as requested, then profile / openid / email (email comes with openid); never offline_access (pitfall 10).</summary>
    private static string ReturnedScope(ScopeSet scopes)
    {
        var names = scopes.Graph.Select(s => s.AsRequested).Concat(scopes.IdentityScopesInEntraOrder).ToList();
        if (scopes.Has(OidcScopes.OpenId) && !scopes.Has(OidcScopes.Email))
        {
            names.Add(OidcScopes.Email);
        }

        return string.Join(' ', names);
    }

    /// <summary>SPA refresh tokens keep the chain's fixed expiry when rotated; Web ones get a fresh inactivity window.</summary>
    private RefreshTokenGrant IssueRefreshToken(ValidatedTokenRequest request, DateTimeOffset now, TokenLifetimes lifetimes)
    {
        var chain = request.SpaChain ?? new RefreshTokenGrantChain(now, now + lifetimes.SpaRefreshToken);
        var grant = new RefreshTokenGrant
        {
            Handle = "1.A" + OpaqueValues.NewHandle(96),
            IsSpa = request.IsSpaGrant,
            Binding = request.Binding,
            ChainIssuedAt = request.IsSpaGrant ? chain.ChainIssuedAt : now,
            IssuedAt = now,
            ExpiresAt = request.IsSpaGrant ? chain.ExpiresAt : now + lifetimes.WebRefreshToken,
        };
        refreshTokens.Store(grant);
        return grant;
    }

    /// <summary>A new single-use code bound to the same client, user, session and consented scopes (pitfall 2).</summary>
    private AuthorizationCode IssueSpaCode(ValidatedTokenRequest request, DateTimeOffset now, TokenLifetimes lifetimes)
    {
        var code = new AuthorizationCode
        {
            Handle = "1.A" + OpaqueValues.NewHandle(64),
            Kind = CodeKind.HybridSpa,
            Binding = request.Binding,
            // UNCONFIRMED: the spa_code lifetime is assumed to equal the authorization code's.
            ExpiresAt = now + lifetimes.AuthorizationCode,
        };
        codes.Store(code);
        return code;
    }
}
