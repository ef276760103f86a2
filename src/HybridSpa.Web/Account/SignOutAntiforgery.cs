namespace HybridSpa.Web.Account;

/// <summary>The sign-out form's antiforgery field: its name and the request token that goes in it (contracts/signout-antiforgery.schema.json, held to it by the web tests' ContractSchemaTests).</summary>
public sealed record SignOutAntiforgery(string Field, string Token);
