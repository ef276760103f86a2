namespace HybridSpa.Web.Account;

/// <summary>The sign-out form's antiforgery field: its name and the request token that goes in it.</summary>
public sealed record SignOutAntiforgery(string Field, string Token);
