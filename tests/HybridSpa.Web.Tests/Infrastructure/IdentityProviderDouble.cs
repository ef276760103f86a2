using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>
/// A hostile stand-in for Entra ID behind the named identity provider HttpClient: serves discovery and JWKS for the
/// test keys and answers the token endpoint with whatever the test scripted for that code.
/// </summary>
public sealed class IdentityProviderDouble : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<IReadOnlyDictionary<string, string>, HttpResponseMessage>> _codes = new();

    public List<RsaSecurityKey> PublishedKeys { get; } = [TestKeys.Published];

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenRequests { get; } = new();

    private int _metadataFetches;

    public int MetadataFetches => _metadataFetches;

    public Func<IReadOnlyDictionary<string, string>, HttpResponseMessage> OnRefreshToken { get; set; } =
        _ => Error(HttpStatusCode.BadRequest, "invalid_grant", "70008", "The refresh token has expired.");

    public void OnCode(string code, Func<IReadOnlyDictionary<string, string>, HttpResponseMessage> responder) => _codes[code] = responder;

    public IReadOnlyList<IReadOnlyDictionary<string, string>> RequestsForCode(string code) =>
        TokenRequests.Where(r => r.TryGetValue("code", out var c) && c == code).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var tenant = "/" + TestSettings.TenantId;
        if (request.Method == HttpMethod.Get && path == tenant + "/v2.0/.well-known/openid-configuration")
        {
            Interlocked.Increment(ref _metadataFetches);
            return Json(HttpStatusCode.OK, Discovery());
        }

        if (request.Method == HttpMethod.Get && path == tenant + "/discovery/v2.0/keys")
        {
            return Json(HttpStatusCode.OK, new { keys = PublishedKeys.Select(Jwk).ToArray() });
        }

        if (request.Method == HttpMethod.Post && path == tenant + "/oauth2/v2.0/token")
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body).ToDictionary(p => p.Key, p => p.Value.ToString());
            TokenRequests.Enqueue(form);
            if (form.GetValueOrDefault("grant_type") == "refresh_token")
            {
                return OnRefreshToken(form);
            }

            return form.TryGetValue("code", out var code) && _codes.TryRemove(code, out var responder)
                ? responder(form)
                : Error(HttpStatusCode.BadRequest, "invalid_grant", "54005", "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.");
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    public static object Discovery() => new Dictionary<string, object>
    {
        ["issuer"] = TestSettings.Issuer,
        ["authorization_endpoint"] = TestSettings.AuthorizeEndpoint,
        ["token_endpoint"] = TestSettings.IdpOrigin + "/" + TestSettings.TenantId + "/oauth2/v2.0/token",
        ["jwks_uri"] = TestSettings.IdpOrigin + "/" + TestSettings.TenantId + "/discovery/v2.0/keys",
        ["end_session_endpoint"] = TestSettings.EndSessionEndpoint,
        ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
        ["response_types_supported"] = new[] { "code", "id_token", "code id_token", "id_token token" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
    };

    /// <summary>A successful token response in Entra's shape.</summary>
    public static HttpResponseMessage Tokens(
        string idToken, TestUser user, string? spaCode, string? clientInfoUid = null, string accessToken = "access-token-1", string scope = "User.Read profile openid email")
    {
        var clientInfo = ClientInfo(user, clientInfoUid);
        var body = new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["scope"] = scope,
            ["expires_in"] = 3600,
            ["ext_expires_in"] = 3600,
            ["access_token"] = accessToken,
            ["refresh_token"] = "refresh-token-" + user.Oid,
            ["id_token"] = idToken,
            ["client_info"] = clientInfo,
        };
        if (spaCode is not null)
        {
            body["spa_code"] = spaCode;
        }

        return Json(HttpStatusCode.OK, body);
    }

    /// <summary>The <c>client_info</c> Entra sends with the code and the tokens: the home account, base64url JSON.</summary>
    public static string ClientInfo(TestUser user, string? uid = null) =>
        Base64UrlEncoder.Encode(JsonSerializer.Serialize(new { uid = uid ?? user.Oid, utid = user.TenantId }));

    /// <summary>An error response in Entra's shape.</summary>
    public static HttpResponseMessage Error(HttpStatusCode status, string error, string aadsts, string text, string? correlationId = null, string? suberror = null)
    {
        correlationId ??= Guid.NewGuid().ToString();
        var body = new Dictionary<string, object>
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{aadsts}: {text} Trace ID: {Guid.NewGuid()} Correlation ID: {correlationId} Timestamp: 2026-11-21 10:00:00Z",
            ["error_codes"] = new[] { int.Parse(aadsts, System.Globalization.CultureInfo.InvariantCulture) },
            ["timestamp"] = "2026-11-21 10:00:00Z",
            ["trace_id"] = Guid.NewGuid().ToString(),
            ["correlation_id"] = correlationId,
        };
        if (suberror is not null)
        {
            body["suberror"] = suberror;
        }

        return Json(status, body);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, object body) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
    };

    private static object Jwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(false);
        return new
        {
            kty = "RSA",
            use = "sig",
            kid = key.KeyId,
            n = Base64UrlEncoder.Encode(parameters.Modulus),
            e = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }
}
