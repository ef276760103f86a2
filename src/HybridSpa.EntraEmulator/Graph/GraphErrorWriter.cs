using System.Globalization;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>Writes Microsoft Graph's error envelope: <c>{"error":{"code","message","innerError":{date, request-id, client-request-id}}}</c>, with CORS.</summary>
internal sealed class GraphErrorWriter(Endpoints.CorsHeaders cors, TimeProvider clock)
{
    /// <summary>What a SPA may read cross-origin: Graph's request ids, and the challenge it must answer (as Graph exposes it).</summary>
    public const string ExposedHeaders = "request-id, client-request-id, WWW-Authenticate";

    public Task WriteAsync(HttpContext context, int statusCode, string code, string message)
    {
        // Without CORS headers a SPA sees only "Failed to fetch", never Graph's error (Graph sends them on errors too).
        cors.Apply(context, ExposedHeaders);
        var requestId = GraphResponseHeaders.Apply(context);
        context.Response.StatusCode = statusCode;
        var body = new Dictionary<string, object>
        {
            ["error"] = new Dictionary<string, object>
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new Dictionary<string, string>
                {
                    ["date"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                    ["request-id"] = requestId,
                    ["client-request-id"] = context.Response.Headers["client-request-id"].ToString(),
                },
            },
        };
        return context.Response.WriteAsJsonAsync(body, context.RequestAborted);
    }

    private const string Challenge =
        "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"";

    /// <summary>401 with Graph's WWW-Authenticate challenge.</summary>
    public Task WriteUnauthorizedAsync(HttpContext context, string message)
    {
        context.Response.Headers.WWWAuthenticate = Challenge;
        return WriteAsync(context, StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", message);
    }

    /// <summary>401 with a claims challenge in the shape Microsoft documents (claims-challenge.md): the claims request, base64-encoded.</summary>
    public Task WriteClaimsChallengeAsync(HttpContext context, GraphClaimsChallenge.Result challenge)
    {
        var claims = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(challenge.ClaimsJson));
        context.Response.Headers.WWWAuthenticate = Challenge + $", error=\"insufficient_claims\", claims=\"{claims}\"";
        return WriteAsync(context, StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", challenge.Message);
    }
}
