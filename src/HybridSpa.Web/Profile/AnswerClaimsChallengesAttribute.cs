using System.Globalization;
using HybridSpa.Web.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HybridSpa.Web.Profile;

/// <summary>
/// Turns a claims challenge the token cache cannot answer silently (<see cref="ClaimsChallengeRequiredException"/>, or Graph still
/// answering 401 <c>insufficient_claims</c> after its retry) into a sign-in challenge carrying those claims, which Identity.Web's
/// OnRedirectToIdentityProvider puts in the authorize request; after the sign-in the page renders. Counts consecutive challenges in
/// a short-lived cookie: an identity provider that keeps asking gets a page after <see cref="MaxChallenges"/>, never a redirect loop.
/// A claims value that cannot be read is a page too.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed partial class AnswerClaimsChallengesAttribute : Attribute, IAsyncActionFilter
{
    /// <summary>Sign-ins in a row a page may ask for to satisfy claims before it gives up.</summary>
    public const int MaxChallenges = 3;

    /// <summary>Counts this browser's recent claims challenges; a counter in the browser, so any instance can read it.</summary>
    public const string CounterCookie = "__Host-HybridSpa.ClaimsChallenges";

    /// <summary>Challenges further apart than this are not a loop.</summary>
    public static readonly TimeSpan CounterLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The authentication property Identity.Web's OnRedirectToIdentityProvider sends as the authorize request's <c>claims</c>.</summary>
    private const string ClaimsItem = "claims";

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        var http = context.HttpContext;
        if (executed.Exception is null || executed.ExceptionHandled)
        {
            if (executed.Exception is null && http.Request.Cookies.ContainsKey(CounterCookie))
            {
                http.Response.Cookies.Delete(CounterCookie, CounterOptions());
            }

            return;
        }

        var logger = http.RequestServices.GetRequiredService<ILogger<AnswerClaimsChallengesAttribute>>();
        string? claims;
        IReadOnlyCollection<string> scopes;
        try
        {
            if (Find<InvalidClaimsChallengeException>(executed.Exception) is { } unreadable)
            {
                throw unreadable;
            }

            var required = Find<ClaimsChallengeRequiredException>(executed.Exception);
            claims = required?.Claims ?? ClaimsChallenge.OfGraphRefusal(executed.Exception);
            scopes = required?.Scopes ?? Scopes(context);
        }
        catch (InvalidClaimsChallengeException ex)
        {
            LogUnreadableChallenge(logger, ExceptionCauses.Describe(ex));
            executed.Result = ErrorPage(context, StatusCodes.Status502BadGateway, "Microsoft Graph asked for something this app cannot read",
                "Microsoft Graph asked you to sign in again with conditions this app could not read, so your profile cannot be shown. You are still signed in and the rest of the app works.");
            executed.ExceptionHandled = true;
            return;
        }

        if (claims is null)
        {
            return;
        }

        executed.ExceptionHandled = true;
        var round = (int.TryParse(http.Request.Cookies[CounterCookie], out var previous) ? Math.Clamp(previous, 0, MaxChallenges) : 0) + 1;
        if (round > MaxChallenges)
        {
            LogChallengeLoop(logger, MaxChallenges, ExceptionCauses.Describe(executed.Exception));
            http.Response.Cookies.Delete(CounterCookie, CounterOptions());
            executed.Result = ErrorPage(context, StatusCodes.Status403Forbidden, "The sign-in could not meet this page's conditions",
                $"You signed in {MaxChallenges} times in a row and the identity provider still did not give this page the access it requires (for example multi-factor authentication). You are still signed in and the rest of the app works; try again later or ask your administrator.");
            return;
        }

        // A tampered counter only shortens or lengthens its own browser's retries, each of them a sign-in the user sees: no integrity needed.
        http.Response.Cookies.Append(CounterCookie, round.ToString(CultureInfo.InvariantCulture), CounterOptions());
        executed.Result = new ChallengeResult(ChallengeProperties(http, scopes, claims));
    }

    /// <summary>
    /// What Identity.Web's AuthorizeForScopes puts in its challenge (its builder is internal): the scopes with the ones MSAL needs,
    /// the account's login and domain hints, the claims, and the way back to this page.
    /// </summary>
    private static AuthenticationProperties ChallengeProperties(HttpContext http, IReadOnlyCollection<string> scopes, string claims)
    {
        var properties = new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + http.Request.QueryString };
        properties.SetParameter<ICollection<string>>(
            OpenIdConnectParameterNames.Scope, [.. scopes.Union([OpenIdConnectScope.OpenId, OpenIdConnectScope.OfflineAccess, "profile"])]);
        if (http.User.GetLoginHint() is { Length: > 0 } loginHint)
        {
            properties.SetParameter(OpenIdConnectParameterNames.LoginHint, loginHint);
            properties.SetParameter(OpenIdConnectParameterNames.DomainHint, http.User.GetDomainHint());
        }

        properties.Items[ClaimsItem] = claims;
        return properties;
    }

    /// <summary>The scopes of the action's <see cref="AuthorizeForScopesAttribute"/>.</summary>
    private static string[] Scopes(ActionExecutingContext context) =>
        context.ActionDescriptor.EndpointMetadata.OfType<AuthorizeForScopesAttribute>().LastOrDefault()?.Scopes ?? [];

    private static CookieOptions CounterOptions() => new()
    {
        HttpOnly = true,
        Secure = true,
        Path = "/",

        // Lax: the count must come back on the top-level redirect from the sign-in callback to the page.
        SameSite = SameSiteMode.Lax,
        MaxAge = CounterLifetime,
        IsEssential = true,
    };

    private static ViewResult ErrorPage(ActionExecutingContext context, int status, string title, string explanation) => new()
    {
        ViewName = "Error",
        StatusCode = status,
        ViewData = new ViewDataDictionary<ErrorViewModel>(
            new EmptyModelMetadataProvider(), context.ModelState)
        {
            Model = new ErrorViewModel(title, null, null, null, context.HttpContext.TraceIdentifier) { Explanation = explanation },
        },
    };

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        T? found = null;
        ExceptionCauses.Any(exception, cause => (found = cause as T) is not null);
        return found;
    }

    [LoggerMessage(210, LogLevel.Warning, "Microsoft Graph's claims challenge could not be read: answered the 502 page. Cause: {Cause}", EventName = "UnreadableClaimsChallenge")]
    private static partial void LogUnreadableChallenge(ILogger logger, string cause);

    [LoggerMessage(211, LogLevel.Warning, "A claims challenge was still unanswered after {Challenges} sign-ins in a row: answered the 403 page. Cause: {Cause}", EventName = "ClaimsChallengeLoop")]
    private static partial void LogChallengeLoop(ILogger logger, int challenges, string cause);
}
