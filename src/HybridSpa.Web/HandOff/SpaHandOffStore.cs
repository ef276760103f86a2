using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace HybridSpa.Web.HandOff;

/// <summary>
/// Carries a completed sign-in from the callback to the first render of the SPA host page. The SPA code itself goes to the
/// <see cref="ITakeOnceSpaCodeStore"/> under a random hand-off id kept in session, because session is one blob per session
/// and cannot be taken atomically: two instances loading the same session at once would both see a code stored in it.
/// Login hint, sid and the bootstrap mode stay in session for later renders. The hand-off belongs to the account that signed in
/// (oid and sid): a render for anyone else gets none of it.
/// </summary>
public sealed class SpaHandOffStore(ITakeOnceSpaCodeStore takeOnceStore, IHandOffTelemetry telemetry)
{
    /// <summary>SPA codes are short-lived at the IdP too; a hand-off nobody rendered within this is dropped.</summary>
    public static readonly TimeSpan HandOffLifetime = TimeSpan.FromMinutes(5);

    private const string HandOffIdKey = "HybridSpa.SpaCodeHandOffId";
    private const string OwnerKey = "HybridSpa.HandOffOwner";
    private const string LoginHintKey = "HybridSpa.LoginHint";
    private const string SidKey = "HybridSpa.Sid";
    private const string BootstrapByRedirectKey = "HybridSpa.BootstrapByRedirect";

    /// <summary>Stores the hand-off of <paramref name="signedInUser"/>'s sign-in, replacing any earlier one (committed before returning).</summary>
    public async Task PutAsync(HttpContext context, ClaimsPrincipal signedInUser, SpaHandOff handOff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signedInUser);
        ArgumentNullException.ThrowIfNull(handOff);
        var session = RequireSession(context);
        using var activity = telemetry.StartStep("hybridspa.hand_off.store");
        activity?.SetTag("hybridspa.spa_code", handOff.SpaCode is not null);

        // Loaded and committed explicitly: the implicit load and the middleware's commit swallow store failures, which
        // would lose the hand-off silently instead of answering 503.
        await session.LoadAsync(cancellationToken);
        string? handOffId = null;
        if (handOff.SpaCode is not null)
        {
            handOffId = NewHandOffId();
            await takeOnceStore.PutAsync(handOffId, handOff.SpaCode, HandOffLifetime, cancellationToken);
            telemetry.Count(HandOffOutcome.Stored);
        }

        SetOrRemove(session, OwnerKey, OwnerOf(signedInUser));
        SetOrRemove(session, HandOffIdKey, handOffId);
        SetOrRemove(session, LoginHintKey, handOff.LoginHint);
        SetOrRemove(session, SidKey, handOff.Sid);
        SetOrRemove(session, BootstrapByRedirectKey, handOff.BootstrapByRedirect ? "1" : null);
        await session.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Returns the hand-off if it belongs to the request's user (else <see cref="SpaHandOff.None"/>); its SPA code is taken from the
    /// take-once store, so no other request, on any instance, gets it.
    /// </summary>
    public async Task<SpaHandOff> TakeAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var session = RequireSession(context);
        await session.LoadAsync(cancellationToken);
        if (session.GetString(OwnerKey) != OwnerOf(context.User))
        {
            if (session.GetString(HandOffIdKey) is not null)
            {
                telemetry.Count(HandOffOutcome.Refused);
            }

            // Someone else's session cookie (planted or stolen). Its code is left in the store for its owner until it expires:
            // consuming it here would let whoever holds that cookie spend the owner's code.
            return SpaHandOff.None;
        }

        string? spaCode = null;
        if (session.GetString(HandOffIdKey) is { } handOffId)
        {
            using var activity = telemetry.StartStep("hybridspa.hand_off.take");
            spaCode = await takeOnceStore.TakeAsync(handOffId, cancellationToken);
            activity?.SetTag("hybridspa.spa_code", spaCode is not null);
            telemetry.Count(spaCode is null ? HandOffOutcome.Expired : HandOffOutcome.Taken);
            session.Remove(HandOffIdKey);
            await session.CommitAsync(cancellationToken);
        }

        return new SpaHandOff(spaCode, session.GetString(LoginHintKey), session.GetString(SidKey), session.GetString(BootstrapByRedirectKey) is not null);
    }

    private static ISession RequireSession(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // The #1 reported failure of the hybrid flow: the callback runs inside UseAuthentication, so UseSession must come first.
        return context.Features.Get<ISessionFeature>()?.Session
            ?? throw new InvalidOperationException(
                "Session is not available in the sign-in callback: app.UseSession() must run before app.UseAuthentication() (UseHybridSpaAuthentication does both, in order).");
    }

    // Both claims: the oid names the account, the sid its sign-in session at the identity provider. Serialized as a JSON array, so
    // no pair of values can spell another pair.
    private static string OwnerOf(ClaimsPrincipal user) => JsonSerializer.Serialize(new[] { user.FindFirst("oid")?.Value, user.SessionId() });

    // Unguessable, so knowing one session's hand-off id is the only way to its code.
    private static string NewHandOffId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static void SetOrRemove(ISession session, string key, string? value)
    {
        if (value is null)
        {
            session.Remove(key);
        }
        else
        {
            session.SetString(key, value);
        }
    }
}
