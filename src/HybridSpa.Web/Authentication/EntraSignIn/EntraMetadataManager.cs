using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HybridSpa.Web.Authentication.EntraSignIn;

/// <summary>
/// The IdP's discovery document and signing keys, cached. A requested refresh (an id_token signed with a key the cache
/// does not know: key rollover) is fetched by the very next caller, so the handler can validate again within the same
/// request — IdentityModel 8's own manager refreshes in the background unless a process-wide switch says otherwise.
/// </summary>
/// <remarks>
/// Requested refreshes are honoured at most once per <c>refreshInterval</c>, so tokens with unknown keys cannot make the
/// app hammer the IdP. A failed refresh keeps the last good document (stale keys beat none) and tries again after
/// <c>refreshInterval</c>; only a first fetch that fails surfaces as an error.
/// </remarks>
public sealed class EntraMetadataManager : IConfigurationManager<OpenIdConnectConfiguration>, IDisposable
{
    private readonly string _address;
    private readonly IConfigurationRetriever<OpenIdConnectConfiguration> _retriever;
    private readonly IDocumentRetriever _documents;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _automaticRefreshInterval;
    private readonly TimeSpan _refreshInterval;
    private readonly SemaphoreSlim _fetch = new(1, 1);
    private readonly Lock _state = new();
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _refreshDue = DateTimeOffset.MinValue;
    private DateTimeOffset _lastRequestedRefresh = DateTimeOffset.MinValue;

    /// <summary>Creates the manager; nothing is fetched until the first <see cref="GetConfigurationAsync"/>.</summary>
    public EntraMetadataManager(
        string address,
        IConfigurationRetriever<OpenIdConnectConfiguration> retriever,
        IDocumentRetriever documents,
        TimeProvider clock,
        TimeSpan automaticRefreshInterval,
        TimeSpan refreshInterval)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        _address = address;
        _retriever = retriever;
        _documents = documents;
        _clock = clock;
        _automaticRefreshInterval = automaticRefreshInterval;
        _refreshInterval = refreshInterval;
    }

    /// <inheritdoc />
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _fetch.WaitAsync(cancel);
        try
        {
            // Whoever held the gate before may have fetched already.
            if (Fresh() is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            OpenIdConnectConfiguration? stale;
            lock (_state)
            {
                stale = _current;
            }

            try
            {
                var fetched = await _retriever.GetConfigurationAsync(_address, _documents, cancel);
                lock (_state)
                {
                    _current = fetched;
                    _refreshDue = _clock.GetUtcNow() + _automaticRefreshInterval;
                }

                return fetched;
            }
            catch (Exception) when (stale is not null && !cancel.IsCancellationRequested)
            {
                lock (_state)
                {
                    _refreshDue = _clock.GetUtcNow() + _refreshInterval;
                }

                return stale;
            }
        }
        finally
        {
            _fetch.Release();
        }
    }

    /// <inheritdoc />
    public void RequestRefresh()
    {
        lock (_state)
        {
            var now = _clock.GetUtcNow();
            if (now - _lastRequestedRefresh >= _refreshInterval)
            {
                _lastRequestedRefresh = now;
                _refreshDue = DateTimeOffset.MinValue;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _fetch.Dispose();

    private OpenIdConnectConfiguration? Fresh()
    {
        lock (_state)
        {
            return _current is not null && _clock.GetUtcNow() < _refreshDue ? _current : null;
        }
    }
}
