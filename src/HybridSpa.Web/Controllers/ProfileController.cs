using HybridSpa.Web.Graph;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Identity.Web;

namespace HybridSpa.Web.Controllers;

/// <summary>
/// A server-rendered profile from Microsoft Graph, with tokens from the server's MSAL.NET cache. A token the cache cannot
/// give without the user (consent, claims challenge, no account) becomes a challenge for the action's scopes, with the
/// user's login hint (<see cref="AuthorizeForScopesAttribute"/>).
/// </summary>
[Authorize]
[Route("profile")]
public sealed class ProfileController(UserGraphClientFactory graphClients) : Controller
{
    /// <summary>What <c>/me</c> needs.</summary>
    public const string ProfileScope = "User.Read";

    /// <summary>Scope not requested at sign-in: asking for it demonstrates incremental consent (a re-challenge).</summary>
    public const string ExtraScope = "Mail.Read";

    /// <summary>Shows the profile.</summary>
    [HttpGet("")]
    [AuthorizeForScopes(Scopes = [ProfileScope])]
    public Task<IActionResult> Index() => ShowAsync([ProfileScope]);

    /// <summary>Shows the profile with a token that also carries <see cref="ExtraScope"/>.</summary>
    [HttpGet("mail")]
    [AuthorizeForScopes(Scopes = [ProfileScope, ExtraScope])]
    public Task<IActionResult> Mail() => ShowAsync([ProfileScope, ExtraScope]);

    private async Task<IActionResult> ShowAsync(IReadOnlyCollection<string> scopes)
    {
        var me = await graphClients.Create(scopes).Me.GetAsync(cancellationToken: HttpContext.RequestAborted);
        return View("Index", new ProfileViewModel(me?.DisplayName, me?.UserPrincipalName, me?.Mail, me?.Id, scopes));
    }
}

/// <summary>What the profile page shows.</summary>
public sealed record ProfileViewModel(string? DisplayName, string? UserPrincipalName, string? Mail, string? Id, IReadOnlyCollection<string> Scopes);
