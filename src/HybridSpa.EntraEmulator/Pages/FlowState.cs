namespace HybridSpa.EntraEmulator.Pages;

/// <summary>What an interaction form carries between requests: the original /authorize parameters, the browser it was issued to, and the user chosen so far.</summary>
/// <param name="StepUpCode">The one-time code the step-up page showed, checked when it is posted back.</param>
internal sealed record FlowState(Dictionary<string, string> Parameters, string Tenant, string BrowserId, long IssuedAt, string? UserObjectId, string? StepUpCode = null);
