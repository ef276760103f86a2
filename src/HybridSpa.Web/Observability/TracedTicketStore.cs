using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HybridSpa.Web.Observability;

/// <summary>Traces and counts the ticket store's operations around the store the sign-in registered; keys and tickets stay out of both.</summary>
internal sealed class TracedTicketStore(ITicketStore inner, HybridSpaMetrics metrics) : ITicketStore
{
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        TraceAsync("store", () => inner.StoreAsync(ticket, cancellationToken));

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) =>
        TraceAsync("renew", async () => { await inner.RenewAsync(key, ticket, cancellationToken); return true; });

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) =>
        TraceAsync("retrieve", () => inner.RetrieveAsync(key, cancellationToken));

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) =>
        TraceAsync("remove", async () => { await inner.RemoveAsync(key, cancellationToken); return true; });

    private async Task<T> TraceAsync<T>(string operation, Func<Task<T>> call)
    {
        using var activity = HybridSpaDiagnostics.ActivitySource.StartActivity("hybridspa.ticket_store." + operation);
        try
        {
            var result = await call();
            metrics.TicketStoreOperation(operation, failed: false);
            return result;
        }
        catch (Exception ex)
        {
            HybridSpaDiagnostics.RecordFailure(activity, ex);
            metrics.TicketStoreOperation(operation, failed: true);
            throw;
        }
    }
}
