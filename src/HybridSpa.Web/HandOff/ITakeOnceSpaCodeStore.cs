namespace HybridSpa.Web.HandOff;

/// <summary>
/// Holds SPA codes between the sign-in callback and the page that renders them, each under a random hand-off id.
/// <see cref="TakeAsync"/> is atomic: of any number of concurrent takes, on any instances, exactly one gets the code.
/// </summary>
public interface ITakeOnceSpaCodeStore
{
    /// <summary>Stores <paramref name="spaCode"/> under <paramref name="handOffId"/> for at most <paramref name="lifetime"/>.</summary>
    Task PutAsync(string handOffId, string spaCode, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>Removes and returns the code, or null when it was already taken or has expired.</summary>
    Task<string?> TakeAsync(string handOffId, CancellationToken cancellationToken);
}
