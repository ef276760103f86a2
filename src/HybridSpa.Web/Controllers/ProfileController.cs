using HybridSpa.Web.Graph;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HybridSpa.Web.Controllers;

/// <summary>A server-rendered profile from Microsoft Graph <c>/me</c>, with tokens from the server's MSAL.NET cache.</summary>
[Authorize]
[Route("profile")]
public sealed class ProfileController(UserGraphClientFactory graphClients) : Controller
{
    /// <summary>Scope not requested at sign-in: asking for it demonstrates incremental consent (a re-challenge).</summary>
    public const string ExtraScope = "Mail.Read";

    /// <summary>Shows the profile; <paramref name="extra"/> asks for <see cref="ExtraScope"/> as well.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(bool extra = false)
    {
        var scopes = extra ? [.. graphClients.DefaultScopes, ExtraScope] : graphClients.DefaultScopes;
        var me = await graphClients.Create(scopes).Me.GetAsync(cancellationToken: HttpContext.RequestAborted);
        return View(new ProfileViewModel(me?.DisplayName, me?.UserPrincipalName, me?.Mail, me?.Id, scopes));
    }
}

/// <summary>What the profile page shows.</summary>
public sealed record ProfileViewModel(string? DisplayName, string? UserPrincipalName, string? Mail, string? Id, IReadOnlyCollection<string> Scopes);
