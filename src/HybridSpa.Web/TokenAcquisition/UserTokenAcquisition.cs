using System.Security.Claims;
using Microsoft.Identity.Client;

namespace HybridSpa.Web.TokenAcquisition;

/// <summary><see cref="IUserTokenAcquisition"/> over MSAL.NET's <c>AcquireTokenSilent</c>.</summary>
internal sealed class UserTokenAcquisition(IConfidentialClientApplication application) : IUserTokenAcquisition
{
    public async Task<string> GetAccessTokenAsync(ClaimsPrincipal user, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken)
    {
        var account = await FindAccountAsync(user);
        if (account is null)
        {
            // The cookie outlived the cache entry (restart with a memory cache, or eviction): only a sign-in refills it.
            throw new UserInteractionRequiredException(scopes, null, null);
        }

        try
        {
            var result = await application.AcquireTokenSilent(scopes, account).ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalUiRequiredException ex)
        {
            throw new UserInteractionRequiredException(scopes, string.IsNullOrEmpty(ex.Claims) ? null : ex.Claims, ex);
        }
    }

    public async Task RemoveAccountAsync(ClaimsPrincipal user)
    {
        var account = await FindAccountAsync(user);
        if (account is not null)
        {
            await application.RemoveAsync(account);
        }
    }

    private async Task<IAccount?> FindAccountAsync(ClaimsPrincipal user) =>
        user.HomeAccountId() is { } id ? await application.GetAccountAsync(id) : null;
}
