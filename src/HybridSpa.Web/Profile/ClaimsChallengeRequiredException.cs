namespace HybridSpa.Web.Profile;

/// <summary>
/// The token cache cannot give a token with <see cref="Claims"/> without the user (MSAL's <c>MsalUiRequiredException</c>, the inner
/// exception): <see cref="AnswerClaimsChallengesAttribute"/> turns it into a sign-in challenge carrying them. Its own type because
/// MSAL's exception does not carry the claims of the request that failed, and Identity.Web's AuthorizeForScopes would challenge without them.
/// </summary>
public sealed class ClaimsChallengeRequiredException(string claims, IReadOnlyCollection<string> scopes, Exception innerException)
    : Exception("A token with the claims the resource demands needs the user to sign in again.", innerException)
{
    /// <summary>The JSON claims request the new sign-in must satisfy.</summary>
    public string Claims { get; } = claims;

    /// <summary>The scopes the page needs.</summary>
    public IReadOnlyCollection<string> Scopes { get; } = scopes;
}
