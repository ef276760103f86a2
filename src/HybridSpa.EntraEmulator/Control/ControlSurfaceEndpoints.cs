using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace HybridSpa.EntraEmulator.Control;

/// <summary>
/// The HTTP control surface under <c>/emulator/</c> (off unless enabled): the clock, users (and revoking their sign-in sessions), app registrations, sessions and reset,
/// for tests that run the emulator as a program. Every call passes <see cref="ControlSurfaceGuard"/>. docs/emulator.md shows a curl call for each.
/// </summary>
internal sealed class ControlSurfaceEndpoints(EmulatorState state, ControlSurfaceGuard guard)
{
    public const string Prefix = "/emulator";

    /// <summary>Maps every call; returns each path with the methods it takes (other methods get 405).</summary>
    public IEnumerable<(string Path, string[] Allowed)> Map(IEndpointRouteBuilder routes)
    {
        var clock = new ClockControl(state);
        var users = new DirectoryControl<TestUser>(state, "user", o => o.Users, u => u.ObjectId);
        var applications = new DirectoryControl<AppRegistration>(state, "application", o => o.Applications, a => a.ClientId);
        var calls = new (string Method, string Path, bool HasBody, Func<HttpContext, Task> Handler)[]
        {
            ("GET", "/clock", false, clock.GetAsync),
            ("PUT", "/clock", true, clock.SetAsync),
            ("POST", "/clock/advance", true, clock.AdvanceAsync),
            ("GET", "/users", false, users.ListAsync),
            ("POST", "/users", true, users.AddAsync),
            ("GET", "/users/{id}", false, users.GetAsync),
            ("PATCH", "/users/{id}", true, users.ChangeAsync),
            ("DELETE", "/users/{id}", false, users.RemoveAsync),
            ("POST", "/users/{id}/revokeSignInSessions", false, RevokeSignInSessionsAsync),
            ("GET", "/applications", false, applications.ListAsync),
            ("POST", "/applications", true, applications.AddAsync),
            ("GET", "/applications/{id}", false, applications.GetAsync),
            ("PATCH", "/applications/{id}", true, applications.ChangeAsync),
            ("DELETE", "/applications/{id}", false, applications.RemoveAsync),
            ("DELETE", "/sessions", false, c => ControlJson.WriteAsync(c, StatusCodes.Status200OK, new { ended = state.Sessions.EndAll() })),
            ("DELETE", "/sessions/{id}", false, SignOutEverywhereAsync),
            ("POST", "/reset", false, ResetAsync),
        };
        foreach (var (method, path, hasBody, handler) in calls)
        {
            routes.MapMethods(Prefix + path, [method], Guarded(hasBody, handler));
        }

        return calls.GroupBy(c => Prefix + c.Path).Select(g => (g.Key, g.Select(c => c.Method).ToArray()));
    }

    private RequestDelegate Guarded(bool hasBody, Func<HttpContext, Task> handler) => async context =>
    {
        if (guard.Check(context, hasBody) is { } refusal)
        {
            if (refusal.Status == StatusCodes.Status401Unauthorized)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"entra-emulator control surface\"";
            }

            await ControlJson.ErrorAsync(context, refusal.Status, refusal.Code, refusal.Message).ConfigureAwait(false);
            return;
        }

        try
        {
            await handler(context).ConfigureAwait(false);
        }
        catch (JsonException invalid)
        {
            await ControlJson.BadRequestAsync(context, "The body is not the JSON this call takes: " + invalid.Message).ConfigureAwait(false);
        }
    };

    private Task SignOutEverywhereAsync(HttpContext context) =>
        ControlJson.WriteAsync(context, StatusCodes.Status200OK, new { signedOut = state.Sessions.SignOutEverywhere(context.GetRouteValue("id") as string ?? "") });

    private Task RevokeSignInSessionsAsync(HttpContext context)
    {
        var id = context.GetRouteValue("id") as string ?? "";
        if (!state.Options.Users.ToArray().Any(u => u.ObjectId.Equals(id, StringComparison.OrdinalIgnoreCase)))
        {
            return ControlJson.ErrorAsync(context, StatusCodes.Status404NotFound, "NotFound", $"No user '{(id.Length > 100 ? id[..100] : id)}'.");
        }

        var (revokedAt, signedOut) = state.RevokeSignInSessions(id);
        return ControlJson.WriteAsync(context, StatusCodes.Status200OK, new { revokedAt, signedOut });
    }

    private Task ResetAsync(HttpContext context)
    {
        state.Reset();
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
