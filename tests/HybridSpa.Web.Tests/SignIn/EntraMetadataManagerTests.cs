using HybridSpa.Web.Authentication.EntraSignIn;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>The metadata cache: a requested refresh is fetched by the next caller, throttled; failures keep the last good document.</summary>
public sealed class EntraMetadataManagerTests : IDisposable
{
    private static readonly TimeSpan Automatic = TimeSpan.FromHours(12);
    private static readonly TimeSpan Requested = TimeSpan.FromMinutes(5);

    private readonly ManualClock _clock = new();
    private readonly CountingRetriever _retriever = new();
    private readonly EntraMetadataManager _manager;

    public EntraMetadataManagerTests() =>
        _manager = new EntraMetadataManager("https://idp.test/v2.0/.well-known/openid-configuration", _retriever, new NoDocuments(), _clock, Automatic, Requested);

    [Fact]
    public async Task Fetches_once_and_serves_the_cache_until_the_automatic_refresh_is_due()
    {
        var first = await _manager.GetConfigurationAsync(CancellationToken.None);
        _clock.Advance(Automatic - TimeSpan.FromSeconds(1));
        var cached = await _manager.GetConfigurationAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var refreshed = await _manager.GetConfigurationAsync(CancellationToken.None);

        Assert.Same(first, cached);
        Assert.NotSame(first, refreshed);
        Assert.Equal(2, _retriever.Fetches);
    }

    [Fact]
    public async Task A_requested_refresh_is_fetched_by_the_very_next_caller()
    {
        var before = await _manager.GetConfigurationAsync(CancellationToken.None);

        _manager.RequestRefresh();
        var after = await _manager.GetConfigurationAsync(CancellationToken.None);

        Assert.NotSame(before, after);
        Assert.Equal(2, _retriever.Fetches);
    }

    [Fact]
    public async Task Requested_refreshes_are_honoured_at_most_once_per_refresh_interval()
    {
        await _manager.GetConfigurationAsync(CancellationToken.None);
        _manager.RequestRefresh();
        await _manager.GetConfigurationAsync(CancellationToken.None);

        _manager.RequestRefresh();
        await _manager.GetConfigurationAsync(CancellationToken.None);
        Assert.Equal(2, _retriever.Fetches);

        _clock.Advance(Requested);
        _manager.RequestRefresh();
        await _manager.GetConfigurationAsync(CancellationToken.None);
        Assert.Equal(3, _retriever.Fetches);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_the_last_good_document_and_tries_again_after_the_refresh_interval()
    {
        var good = await _manager.GetConfigurationAsync(CancellationToken.None);
        _retriever.Failing = true;
        _manager.RequestRefresh();

        Assert.Same(good, await _manager.GetConfigurationAsync(CancellationToken.None));
        Assert.Same(good, await _manager.GetConfigurationAsync(CancellationToken.None));
        Assert.Equal(2, _retriever.Fetches);

        _retriever.Failing = false;
        _clock.Advance(Requested);
        Assert.NotSame(good, await _manager.GetConfigurationAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_first_fetch_that_fails_is_an_error_and_the_next_call_tries_again()
    {
        _retriever.Failing = true;
        await Assert.ThrowsAsync<HttpRequestException>(() => _manager.GetConfigurationAsync(CancellationToken.None));

        _retriever.Failing = false;
        Assert.NotNull(await _manager.GetConfigurationAsync(CancellationToken.None));
        Assert.Equal(2, _retriever.Fetches);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_fetch()
    {
        _retriever.Delay = TimeSpan.FromMilliseconds(50);

        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _manager.GetConfigurationAsync(CancellationToken.None)));

        Assert.Equal(1, _retriever.Fetches);
        Assert.All(all, configuration => Assert.Same(all[0], configuration));
    }

    public void Dispose() => _manager.Dispose();

    private sealed class CountingRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
    {
        private int _fetches;

        public int Fetches => Volatile.Read(ref _fetches);

        public bool Failing { get; set; }

        public TimeSpan Delay { get; set; }

        public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
        {
            Interlocked.Increment(ref _fetches);
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancel);
            }

            return Failing ? throw new HttpRequestException("The IdP is unreachable.") : new OpenIdConnectConfiguration { Issuer = "https://idp.test/v2.0" };
        }
    }

    private sealed class NoDocuments : IDocumentRetriever
    {
        public Task<string> GetDocumentAsync(string address, CancellationToken cancel) => throw new InvalidOperationException("The counting retriever reads no documents.");
    }
}
