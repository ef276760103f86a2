using HybridSpa.EntraEmulator.Configuration;
using HybridSpa.EntraEmulator.Stores;

namespace HybridSpa.EntraEmulator.Control;

/// <summary>
/// Changes to the emulator's state made from outside a request (control surface, <see cref="EntraEmulatorHost.Reset"/>): users and
/// app registrations are validated like configuration before they go live; a reset returns to the configured state.
/// </summary>
internal sealed class EmulatorState(
    EntraEmulatorOptions options,
    ConfiguredOptions configured,
    EmulatorClock clock,
    AuthorizationCodeStore codes,
    RefreshTokenStore refreshTokens,
    BrowserSessionStore sessions,
    ConsentStore consents,
    AssertionReplayCache assertions,
    SignInRevocations revocations)
{
    private readonly Lock _gate = new();

    public EntraEmulatorOptions Options => options;

    public EmulatorClock Clock => clock;

    public BrowserSessionStore Sessions => sessions;

    /// <summary>Applies <paramref name="change"/> to the live options if the result is a valid configuration; else returns why not.</summary>
    public string? TryChange(Action<EntraEmulatorOptions> change)
    {
        lock (_gate)
        {
            var candidate = ConfiguredOptions.Copy(options);
            change(candidate);
            try
            {
                EntraEmulatorOptionsValidator.Validate(candidate);
            }
            catch (InvalidOperationException invalid)
            {
                return invalid.Message;
            }

            change(options);
            return null;
        }
    }

    /// <summary>
    /// Graph's revokeSignInSessions: the user is signed out of every browser session, their refresh tokens stop working, and
    /// CAE-capable access tokens issued until now get a claims challenge. Returns the revocation time and how many sessions it ended.
    /// </summary>
    public (DateTimeOffset RevokedAt, int SignedOut) RevokeSignInSessions(string userObjectId)
    {
        var now = clock.GetUtcNow();
        revocations.Revoke(userObjectId, now);
        return (now, sessions.SignOutEverywhere(userObjectId));
    }

    /// <summary>Back to the configured users, apps and settings, with no codes, tokens, sessions or consents, on the underlying clock.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            var fresh = configured.Create();
            options.TenantId = fresh.TenantId;
            options.TenantDisplayName = fresh.TenantDisplayName;
            options.TenantDomain = fresh.TenantDomain;
            options.AutoConsent = fresh.AutoConsent;
            options.Lifetimes = fresh.Lifetimes;
            Replace(options.GraphScopes, fresh.GraphScopes);
            Replace(options.Applications, fresh.Applications);
            Replace(options.Users, fresh.Users);
            codes.Clear();
            refreshTokens.Clear();
            sessions.EndAll();
            consents.Clear();
            assertions.Clear();
            revocations.Clear();
            clock.Reset();
        }
    }

    private static void Replace<T>(List<T> live, List<T> configuredItems)
    {
        live.Clear();
        live.AddRange(configuredItems);
    }
}
