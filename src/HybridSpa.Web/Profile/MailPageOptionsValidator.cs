using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Profile;

/// <summary>Validates <c>Profile:Mail</c> at startup.</summary>
public sealed partial class MailPageOptionsValidator : IValidateOptions<MailPageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MailPageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AuthenticationContext.Length == 0 || AuthenticationContextId().IsMatch(options.AuthenticationContext)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Profile:Mail:AuthenticationContext must be empty (no step-up) or an authentication context id c1 … c99, e.g. \"c1\"");
    }

    // Entra's authentication context ids: c1 to c99.
    [GeneratedRegex("^c([1-9]|[1-9][0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex AuthenticationContextId();
}
