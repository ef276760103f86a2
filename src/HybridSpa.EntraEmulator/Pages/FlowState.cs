namespace HybridSpa.EntraEmulator.Pages;

/// <summary>What an interaction form carries between requests: the original /authorize parameters, the browser it was issued to, and the user chosen so far.</summary>
internal sealed record FlowState(Dictionary<string, string> Parameters, string Tenant, string BrowserId, long IssuedAt, string? UserObjectId);
