using HybridSpa.Web.Errors;
using Microsoft.AspNetCore.WebUtilities;

namespace HybridSpa.Web.SignIn;

/// <summary>Builds the friendly error page URL for a failed sign-in, carrying only values safe to show.</summary>
public static class SignInErrorRedirect
{
    /// <summary>The error page path.</summary>
    public const string Path = "/error/sign-in";

    /// <summary>The URL for <paramref name="failure"/>: error, AADSTS code and correlation id when the IdP gave them.</summary>
    public static string For(Exception? failure)
    {
        var query = new Dictionary<string, string?>();
        if (IdentityProviderError.From(failure) is { } error)
        {
            query["error"] = SignInErrorValues.Error(error.Error);
            query["aadsts"] = SignInErrorValues.Aadsts(error.AadstsCode);
            query["correlationId"] = SignInErrorValues.CorrelationId(error.CorrelationId);
        }

        return QueryHelpers.AddQueryString(Path, query.Where(p => p.Value is not null));
    }
}
