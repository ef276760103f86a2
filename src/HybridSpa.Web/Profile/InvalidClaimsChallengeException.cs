namespace HybridSpa.Web.Profile;

/// <summary>Microsoft Graph challenged the token with a claims value this app cannot read (malformed or oversized): an error page, never a redirect.</summary>
public sealed class InvalidClaimsChallengeException : Exception
{
    public InvalidClaimsChallengeException(string message)
        : base(message)
    {
    }

    public InvalidClaimsChallengeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
