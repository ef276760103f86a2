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
    /// <summary><c>{"signedIn":true|false}</c>, never cached.</summary>
    [HttpGet(SpaRoutes.SessionStatus)]
    [ResponseCache(NoStore = true)]
    public SessionStatus Status() => new(User.Identity?.IsAuthenticated == true);
}

/// <summary>The answer of <see cref="SessionStatusController"/>: its contract is contracts/session-status.schema.json.</summary>
/// <param name="SignedIn">True while the cookie's session lives.</param>
public sealed record SessionStatus(bool SignedIn);
