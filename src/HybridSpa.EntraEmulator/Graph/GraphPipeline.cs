using HybridSpa.EntraEmulator.Endpoints;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>
/// What every Graph call goes through: CORS for registered SPA origins (on errors too), the bearer token (401), a claims challenge (401 insufficient_claims), an app-only token
/// on a /me resource (Graph's 400), then the permission (403).
/// </summary>
internal sealed class GraphPipeline(GraphTokenAuthenticator authenticator, GraphClaimsChallenge challenges, GraphErrorWriter errors, CorsHeaders cors)
{
    public RequestDelegate Require(GraphPermission permission, Func<HttpContext, GraphCaller, Task> handler) => async context =>
    {
        cors.Apply(context, GraphErrorWriter.ExposedHeaders);
        var (caller, failure) = authenticator.Authenticate(context);
        if (caller is null)
        {
            await errors.WriteUnauthorizedAsync(context, failure!).ConfigureAwait(false);
            return;
        }

        if (challenges.For(context.Request.Path, caller) is { } challenge)
        {
            await errors.WriteClaimsChallengeAsync(context, challenge).ConfigureAwait(false);
            return;
        }

        if (caller.IsAppOnly && permission.DelegatedOnly)
        {
            await errors.WriteAsync(context, StatusCodes.Status400BadRequest, "BadRequest", "/me request is only valid with delegated authentication flow.").ConfigureAwait(false);
            return;
        }

        if (!caller.IsGranted(permission))
        {
            await errors.WriteAsync(context, StatusCodes.Status403Forbidden, permission.DeniedCode, permission.DeniedMessage).ConfigureAwait(false);
            return;
        }

        await handler(context, caller).ConfigureAwait(false);
    };
}
