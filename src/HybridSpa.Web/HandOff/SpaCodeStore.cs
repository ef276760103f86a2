using Microsoft.AspNetCore.Http.Features;

namespace HybridSpa.Web.HandOff;

/// <summary>
/// Keeps the SPA code in session between the sign-in callback and the first render of the SPA host page, which takes
/// it exactly once. Login hint, sid and the bootstrap mode stay for later renders.
/// </summary>
public sealed class SpaCodeStore
{
    private const string SpaCodeKey = "HybridSpa.SpaCode";
    private const string LoginHintKey = "HybridSpa.LoginHint";
    private const string SidKey = "HybridSpa.Sid";
    private const string BootstrapByRedirectKey = "HybridSpa.BootstrapByRedirect";

    /// <summary>Stores the hand-off of a completed sign-in, replacing any earlier one.</summary>
    public void Put(HttpContext context, SpaHandOff handOff)
    {
        ArgumentNullException.ThrowIfNull(handOff);
        var session = RequireSession(context);
        SetOrRemove(session, SpaCodeKey, handOff.SpaCode);
        SetOrRemove(session, LoginHintKey, handOff.LoginHint);
        SetOrRemove(session, SidKey, handOff.Sid);
        SetOrRemove(session, BootstrapByRedirectKey, handOff.BootstrapByRedirect ? "1" : null);
    }

    /// <summary>Returns the hand-off and removes the SPA code from the session (committed before returning).</summary>
    public async Task<SpaHandOff> TakeAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var session = RequireSession(context);
        await session.LoadAsync(cancellationToken);
        var spaCode = session.GetString(SpaCodeKey);
        if (spaCode is not null)
        {
            session.Remove(SpaCodeKey);

            // Committed now, not at the end of the request, so a concurrent reload cannot render the same code.
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
