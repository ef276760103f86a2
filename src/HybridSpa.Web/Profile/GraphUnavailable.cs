using HybridSpa.Web.Errors;

namespace HybridSpa.Web.Profile;

/// <summary>Microsoft Graph does not answer, or answers 5xx: the 503 page.</summary>
public sealed class GraphUnavailable : IKnownFailure
{
    /// <inheritdoc />
    public FailurePage? PageFor(Exception exception) => GraphUnavailableException.IsCauseOf(exception)
        ? FailurePage.Unavailable(
            "Microsoft Graph",
            "Microsoft Graph cannot be reached right now, so your profile cannot be shown. You are still signed in; please try again in a moment.")
        : null;
}
