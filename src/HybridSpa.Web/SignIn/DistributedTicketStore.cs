using System.Buffers.Text;
using System.Security.Cryptography;
using HybridSpa.Web.SharedState;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace HybridSpa.Web.SignIn;

/// <summary>
/// Keeps the signed-in user's authentication ticket (claims, id_token) in the shared <see cref="IDistributedCache"/>, protected
/// with the shared key ring, so the cookie carries only a reference: any instance finds it, sign-out deletes it (a copy of the
/// cookie taken before sign-out then finds nothing), and a user with many claims still gets a cookie of one small chunk.
/// </summary>
internal sealed class DistributedTicketStore(IDistributedCache cache, IDataProtectionProvider dataProtection, TimeProvider clock) : ITicketStore
{
    private const string KeyPrefix = "HybridSpa.Ticket.";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("HybridSpa.AuthenticationTicket", "v1");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        // Unguessable, so the cookie is the only way to the ticket.
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket, cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);

        // The cookie handler always sets the expiry before it stores; the entry lives exactly as long as the ticket. Relative to
        // the app's clock, so a store whose clock differs (a Redis or PostgreSQL server) keeps it for the same span.
        var expiresUtc = ticket.Properties.ExpiresUtc
            ?? throw new InvalidOperationException("The cookie handler stores only tickets that expire.");
        var lifetime = expiresUtc - clock.GetUtcNow();
        if (lifetime <= TimeSpan.Zero)
        {
            await cache.RemoveAsync(KeyPrefix + key, cancellationToken);
            return;
        }

        var value = _protector.Protect(TicketSerializer.Default.Serialize(ticket));
        await cache.SetAsync(KeyPrefix + key, value, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime }, cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        // A store failure propagates (SharedStateUnavailableException: the 503 page); only a ticket that is gone signs the user out.
        var value = await cache.GetAsync(KeyPrefix + key, cancellationToken);
        if (value is null)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(value));
        }
        catch (CryptographicException ex) when (!SharedStateUnavailableException.IsCauseOf(ex))
        {
            // Protected with a key no longer in the ring: as good as expired, the user signs in again.
            return null;
        }
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => cache.RemoveAsync(KeyPrefix + key, cancellationToken);
}
