using HybridSpa.EntraEmulator.Errors;

namespace HybridSpa.EntraEmulator.ResponseGeneration;

/// <summary>What /authorize does next for a validated request.</summary>
internal abstract record InteractionOutcome
{
    /// <summary>Show the sign-in page.</summary>
    public sealed record SignIn(string? Message = null) : InteractionOutcome;

    /// <summary>Show the account picker over the session's accounts.</summary>
    public sealed record PickAccount(IReadOnlyList<TestUser> Accounts) : InteractionOutcome;

    /// <summary>Show the consent page for this user.</summary>
    public sealed record Consent(TestUser User) : InteractionOutcome;

    /// <summary>Show the step-up page: the user must verify again for this authentication context.</summary>
    public sealed record StepUp(TestUser User, string AuthenticationContext) : InteractionOutcome;

    /// <summary>Send an error back to the redirect URI.</summary>
    public sealed record Fail(AadstsError Error) : InteractionOutcome;

    /// <summary>Issue a code for this (signed-in, consented) user.</summary>
    public sealed record Issue(TestUser User) : InteractionOutcome;
}
