using Microsoft.IdentityModel.Tokens;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// The id_token's <c>nbf</c>/<c>exp</c> check, read against a <see cref="TimeProvider"/> — the scheme's clock — rather
/// than the machine's, so the token, the cookies and the protected state all agree on what "now" is.
/// </summary>
internal static class IdTokenLifetime
{
    /// <summary>A lifetime validator with the semantics of the default one: <c>exp</c> required, <c>nbf</c> not after it, clock skew on both ends.</summary>
    public static LifetimeValidator ValidatorFor(TimeProvider clock) => (notBefore, expires, _, parameters) =>
    {
        if (expires is null || notBefore > expires)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var skew = parameters.ClockSkew;
        return (notBefore is null || notBefore.Value <= now + skew) && expires.Value >= now - skew;
    };
}
