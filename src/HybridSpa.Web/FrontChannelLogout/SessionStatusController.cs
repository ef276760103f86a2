using HybridSpa.Web.Routes;
using HybridSpa.Web.SpaHost;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HybridSpa.Web.FrontChannelLogout;

/// <summary>
/// Whether the caller's cookie still holds a session: the SPA asks before it calls Graph and when its tab comes back into view,
/// because a session the identity provider ended elsewhere is only noticed at the server (<see cref="EndedSessionEvents"/>).
/// </summary>
[AllowAnonymous] // a signed-out caller gets an answer, not a redirect to sign in that fetch cannot follow
public sealed class SessionStatusController : Controller
{
    /// <summary><c>{"signedIn":true|false}</c>, never cached (<see cref="SessionStatus"/> is generated from contracts/session-status.schema.json).</summary>
    [HttpGet(SpaRoutes.SessionStatus)]
    [ResponseCache(NoStore = true)]
    public SessionStatus Status() => new(signedIn: User.Identity?.IsAuthenticated == true);
}
