using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Configuration;

/// <summary>Validates the <c>Spa</c> section at startup.</summary>
public sealed class SpaOptionsValidator : IValidateOptions<SpaOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SpaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.RedirectUri))
        {
            return ValidateOptionsResult.Fail("Spa:RedirectUri is not set (the SPA redirect URI registered for the app, e.g. https://localhost:5001/) — see docs/real-tenant.md");
        }

        return Uri.TryCreate(options.RedirectUri, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Spa:RedirectUri '{options.RedirectUri}' must be an absolute https URL — see docs/real-tenant.md");
    }
}
