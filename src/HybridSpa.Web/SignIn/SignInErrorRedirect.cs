using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace HybridSpa.Web.SignIn;

/// <summary>Builds the friendly error page URL for a failed sign-in, carrying only values safe to show.</summary>
public static partial class SignInErrorRedirect
{
    /// <summary>The error page path.</summary>
    public const string Path = "/error/sign-in";

    /// <summary>The URL for <paramref name="failure"/>: error, AADSTS code and correlation id when the IdP gave them.</summary>
    public static string For(Exception? failure)
    {
        var query = new Dictionary<string, string?>();
        if (IdentityProviderError.From(failure) is { } error)
        {
            query["error"] = Sanitize(error.Error, ErrorPattern());
            query["aadsts"] = Sanitize(error.AadstsCode, AadstsPattern());
            query["correlationId"] = Guid.TryParse(error.CorrelationId, out var id) ? id.ToString() : null;
        }

        return QueryHelpers.AddQueryString(Path, query.Where(p => p.Value is not null));
    }

    /// <summary>Keeps a value only if it matches its expected shape (the page reflects it).</summary>
    public static string? Sanitize(string? value, Regex shape) => value is not null && shape.IsMatch(value) ? value : null;

    /// <summary>OAuth error codes are short snake_case words.</summary>
    [GeneratedRegex("^[a-z_]{1,64}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    public static partial Regex ErrorPattern();

    /// <summary>AADSTS codes are numbers.</summary>
    [GeneratedRegex("^[0-9]{1,9}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    public static partial Regex AadstsPattern();
}
