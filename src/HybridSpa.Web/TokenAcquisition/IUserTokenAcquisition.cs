using System.Security.Claims;

namespace HybridSpa.Web.TokenAcquisition;

/// <summary>Access tokens for the signed-in user from MSAL.NET's cache (refreshing silently when needed).</summary>
public interface IUserTokenAcquisition
{
    /// <summary>Gets a token for <paramref name="scopes"/>; throws <see cref="UserInteractionRequiredException"/> when only the user can fix it.</summary>
    Task<string> GetAccessTokenAsync(ClaimsPrincipal user, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken);

    /// <summary>Removes the user's account (and its tokens) from the cache.</summary>
    Task RemoveAccountAsync(ClaimsPrincipal user);
}
