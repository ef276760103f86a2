namespace HybridSpa.Web.HandOff;

/// <summary>The hand-off's outcomes (<c>hybridspa.outcome</c> on <c>hybridspa.hand_offs</c>).</summary>
public static class HandOffOutcome
{
    /// <summary>The callback stored a SPA code for the page.</summary>
    public const string Stored = "stored";

    /// <summary>The page took the code (once).</summary>
    public const string Taken = "taken";

    /// <summary>The page came for a code that had expired (or that a concurrent render took).</summary>
    public const string Expired = "expired";

    /// <summary>A render for an account other than the one that signed in: nothing given, the code left to expire.</summary>
    public const string Refused = "refused";
}
