using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace HybridSpa.EntraEmulator.Pages;

/// <summary>
/// CSRF protection for the sign-in, picker and consent forms: a short-lived, encrypted and signed flow token bound to the
/// browser's <c>esctx</c> cookie, so a form cannot be replayed later or posted from another browser.
/// </summary>
internal sealed class FlowTokenProtector(IDataProtectionProvider provider, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    private readonly IDataProtector _protector = provider.CreateProtector("HybridSpa.EntraEmulator.FlowToken.v1");

    public string Protect(Dictionary<string, string> parameters, string tenant, string browserId, string? userObjectId, string? stepUpCode = null) =>
        _protector.Protect(JsonSerializer.Serialize(new FlowState(parameters, tenant, browserId, clock.GetUtcNow().ToUnixTimeSeconds(), userObjectId, stepUpCode)));

    /// <summary>Null when the token was tampered with, has expired, or belongs to another browser.</summary>
    public FlowState? Unprotect(string? token, string? browserId)
    {
        if (string.IsNullOrEmpty(token) || browserId is null || token.Length > 32 * 1024)
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize<FlowState>(_protector.Unprotect(token));
            var issuedAt = DateTimeOffset.FromUnixTimeSeconds(state?.IssuedAt ?? 0);
            var fresh = issuedAt <= clock.GetUtcNow() && clock.GetUtcNow() - issuedAt < Lifetime;
            return state is not null && fresh && state.BrowserId == browserId ? state : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}
