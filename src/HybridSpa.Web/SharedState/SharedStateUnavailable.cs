using HybridSpa.Web.Errors;

namespace HybridSpa.Web.SharedState;

/// <summary>The shared store (session, tickets, token cache) does not answer: the 503 page.</summary>
public sealed class SharedStateUnavailable : IKnownFailure
{
    /// <inheritdoc />
    public FailurePage? PageFor(Exception exception) => SharedStateUnavailableException.IsCauseOf(exception)
        ? FailurePage.Unavailable(
            "The shared store",
            "The app cannot reach its session store right now. Nothing is lost; please try again in a moment.")
        : null;
}
