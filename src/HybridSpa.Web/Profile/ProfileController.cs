using HybridSpa.Web.Routes;
using HybridSpa.Web.SpaHost;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace HybridSpa.Web.Profile;

/// <summary>
/// A server-rendered profile from Microsoft Graph, with tokens from the server's MSAL.NET cache. A token the cache cannot
/// give without the user (consent, claims challenge, no account) becomes a challenge for the action's scopes, with the
/// user's login hint (<see cref="AuthorizeForScopesAttribute"/>); a claims challenge (Graph's, or the mail page's authentication
/// context) becomes a challenge carrying its claims (<see cref="AnswerClaimsChallengesAttribute"/>).
/// </summary>
[Authorize]
[AnswerClaimsChallenges]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)] // the user's own data: no browser or proxy may keep it past sign-out; no-cache too, as the sign-out form's antiforgery token requires
public sealed class ProfileController(UserGraphClientFactory graphClients, IOptions<MailPageOptions> mailPage) : Controller
{
    /// <summary>What <c>/me</c> needs.</summary>
    public const string ProfileScope = "User.Read";

    /// <summary>Scope not requested at sign-in: asking for it demonstrates incremental consent (a re-challenge).</summary>
    public const string ExtraScope = "Mail.Read";

    /// <summary>How many of the newest messages the mail page lists.</summary>
    public const int NewestMessages = 5;

    /// <summary>Shows the profile.</summary>
    [HttpGet(SpaRoutes.Profile)]
    [AuthorizeForScopes(Scopes = [ProfileScope])]
    public async Task<IActionResult> Index()
    {
        var me = await graphClients.Create([ProfileScope]).Me.GetAsync(cancellationToken: HttpContext.RequestAborted);
        return View(ProfileViewModel.From(me, [ProfileScope], messages: null));
    }

    /// <summary>
    /// Shows the profile and what <see cref="ExtraScope"/> buys: the newest messages of the user's mailbox; with a configured
    /// authentication context, only to a sign-in that stepped up for it (the token must carry it in <c>acrs</c>).
    /// </summary>
    [HttpGet(SpaRoutes.ProfileMail)]
    [AuthorizeForScopes(Scopes = [ProfileScope, ExtraScope])]
    public async Task<IActionResult> Mail()
    {
        string[] scopes = [ProfileScope, ExtraScope];
        var context = mailPage.Value.AuthenticationContext;
        var graph = graphClients.Create(scopes, context.Length == 0 ? null : ClaimsChallenge.ForAuthenticationContext(context));
        var me = await graph.Me.GetAsync(cancellationToken: HttpContext.RequestAborted);
        var messages = await graph.Me.Messages.GetAsync(
            request =>
            {
                request.QueryParameters.Top = NewestMessages;
                request.QueryParameters.Orderby = ["receivedDateTime desc"];
                request.QueryParameters.Select = ["subject", "from", "receivedDateTime"];
            },
            HttpContext.RequestAborted);
        return View("Index", ProfileViewModel.From(me, scopes, messages?.Value ?? []));
    }
}
