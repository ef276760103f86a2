using HybridSpa.Web.Authentication.EntraSignIn;
using HybridSpa.Web.TokenAcquisition;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HybridSpa.Web.Authentication;

/// <summary>
/// Turns <see cref="UserInteractionRequiredException"/> (consent, claims challenge, empty cache) into a re-challenge
/// for the needed scopes, with the user's login hint, that comes back to the same page.
/// </summary>
public sealed class ChallengeOnInteractionRequiredFilter : IExceptionFilter
{
    /// <inheritdoc />
    public void OnException(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var required = Find(context.Exception);
        if (required is null)
        {
            return;
        }

        var request = context.HttpContext.Request;
        var user = context.HttpContext.User;
        context.Result = new ChallengeResult(EntraSignInDefaults.AuthenticationScheme, new EntraChallengeProperties
        {
            RedirectUri = request.PathBase + request.Path + request.QueryString,
            ExtraScopes = required.Scopes,
            Claims = required.Claims,
            LoginHint = user.LoginHint(),
            DomainHint = user.FindFirst("tid")?.Value == EntraSignInDefaults.ConsumerTenantId ? "consumers" : "organizations",
        });
        context.ExceptionHandled = true;
    }

    private static UserInteractionRequiredException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is UserInteractionRequiredException required)
            {
                return required;
            }
        }

        return null;
    }
}
