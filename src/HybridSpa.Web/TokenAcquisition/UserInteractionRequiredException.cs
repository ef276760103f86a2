namespace HybridSpa.Web.TokenAcquisition;

/// <summary>The signed-in user must go back to the identity provider (consent, claims challenge, empty cache).</summary>
public sealed class UserInteractionRequiredException : Exception
{
    /// <summary>Creates the exception for <paramref name="scopes"/> and an optional claims challenge.</summary>
    public UserInteractionRequiredException(IReadOnlyCollection<string> scopes, string? claims, Exception? innerException)
        : base("The user must sign in again to grant the requested scopes.", innerException)
    {
        Scopes = scopes;
        Claims = claims;
    }

    /// <summary>Creates the exception without scopes.</summary>
    public UserInteractionRequiredException()
        : this([], null, null)
    {
    }

    /// <summary>Creates the exception without scopes.</summary>
    public UserInteractionRequiredException(string message)
        : base(message)
    {
        Scopes = [];
    }

    /// <summary>Creates the exception without scopes.</summary>
    public UserInteractionRequiredException(string message, Exception innerException)
        : base(message, innerException)
    {
        Scopes = [];
    }

    /// <summary>The scopes the re-challenge must request.</summary>
    public IReadOnlyCollection<string> Scopes { get; }

    /// <summary>The claims challenge to pass on the re-challenge, if any.</summary>
    public string? Claims { get; }
}
