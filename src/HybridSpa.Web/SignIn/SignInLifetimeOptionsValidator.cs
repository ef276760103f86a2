using Microsoft.Extensions.Options;

namespace HybridSpa.Web.SignIn;

/// <summary>Validates the <c>SignIn</c> section at startup.</summary>
public sealed class SignInLifetimeOptionsValidator : IValidateOptions<SignInLifetimeOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SignInLifetimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AbsoluteLifetime > TimeSpan.Zero
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"SignIn:AbsoluteLifetime must be positive (it is {options.AbsoluteLifetime}); e.g. \"12:00:00\" for 12 hours — see docs/architecture.md");
    }
}
