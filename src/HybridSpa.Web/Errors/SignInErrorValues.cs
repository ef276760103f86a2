using System.Text.RegularExpressions;

namespace HybridSpa.Web.Errors;

/// <summary>
/// The values the sign-in error page shows, each kept only in its expected shape (the page reflects them): the page checks what
/// it is given, and the sign-in builds the page's address with the same checks.
/// </summary>
public static partial class SignInErrorValues
{
    /// <summary>An OAuth error code (short snake_case words), else null.</summary>
    public static string? Error(string? value) => Shaped(value, ErrorPattern());

    /// <summary>An AADSTS code (a number), else null.</summary>
    public static string? Aadsts(string? value) => Shaped(value, AadstsPattern());

    /// <summary>A correlation id (a GUID, written the one way), else null.</summary>
    public static string? CorrelationId(string? value) => Guid.TryParse(value, out var id) ? id.ToString() : null;

    private static string? Shaped(string? value, Regex shape) => value is not null && shape.IsMatch(value) ? value : null;

    [GeneratedRegex("^[a-z_]{1,64}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ErrorPattern();

    [GeneratedRegex("^[0-9]{1,9}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex AadstsPattern();
}
