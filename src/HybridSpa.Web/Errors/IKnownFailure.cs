namespace HybridSpa.Web.Errors;

/// <summary>
/// A failure the error page explains instead of "Something went wrong". The folder whose dependency fails declares it (what it
/// looks like among an exception's causes, which page it deserves), so the error page needs none of them.
/// </summary>
public interface IKnownFailure
{
    /// <summary>The page for <paramref name="exception"/> when this failure caused it, judged by what it wraps; else null.</summary>
    FailurePage? PageFor(Exception exception);
}
