using System.Text;
using HybridSpa.Web.HandOff;
using HybridSpa.Web.SharedState;
using Microsoft.AspNetCore.DataProtection;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>
/// The shared <see cref="ITakeOnceSpaCodeStore"/>s, one test body for every store (<see cref="PostgresTakeOnceSpaCodeStoreTests"/>,
/// <see cref="RedisTakeOnceSpaCodeStoreTests"/>): each instance of the app is its own store over its own connection.
/// </summary>
public abstract class TakeOnceSpaCodeStoreTests(ISharedStoreServer server)
{
    private const string SpaCode = "1.AQABAAIAAAD-spa-code-plaintext";

    [Fact]
    public async Task Of_many_concurrent_takes_on_two_instances_exactly_one_gets_the_code()
    {
        var keyRing = new EphemeralDataProtectionProvider();
        await using var instanceA = await OpenInstanceAsync(keyRing);
        await using var instanceB = await OpenInstanceAsync(keyRing);
        var id = Guid.NewGuid().ToString();
        await instanceA.Store.PutAsync(id, SpaCode, TimeSpan.FromMinutes(5), CancellationToken.None);

        var takes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? instanceA : instanceB).Store.TakeAsync(id, CancellationToken.None)));

        Assert.Equal([SpaCode], takes.Where(t => t is not null));
    }

    [Fact]
    public async Task An_expired_code_is_not_returned()
    {
        await using var instance = await OpenInstanceAsync(new EphemeralDataProtectionProvider());
        var id = Guid.NewGuid().ToString();
        await instance.Store.PutAsync(id, SpaCode, TimeSpan.FromMinutes(5), CancellationToken.None);

        await ExpireAsync(id);

        Assert.Null(await instance.Store.TakeAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task The_store_never_holds_the_code_in_the_clear()
    {
        await using var instance = await OpenInstanceAsync(new EphemeralDataProtectionProvider());
        var id = Guid.NewGuid().ToString();
        await instance.Store.PutAsync(id, SpaCode, TimeSpan.FromMinutes(5), CancellationToken.None);

        var stored = await StoredAsync(id);

        Assert.NotNull(stored);
        Assert.DoesNotContain("spa-code-plaintext", Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        Assert.Equal(SpaCode, await instance.Store.TakeAsync(id, CancellationToken.None));
        Assert.Null(await StoredAsync(id));
    }

    [Fact]
    public async Task With_the_store_down_a_take_fails_as_unavailable_rather_than_finding_no_code()
    {
        await using var instance = await OpenInstanceAsync(new EphemeralDataProtectionProvider());
        var id = Guid.NewGuid().ToString();
        await instance.Store.PutAsync(id, SpaCode, TimeSpan.FromMinutes(5), CancellationToken.None);

        await server.StopAsync();
        try
        {
            await Assert.ThrowsAsync<SharedStateUnavailableException>(() => instance.Store.TakeAsync(id, CancellationToken.None));
        }
        finally
        {
            await server.StartAsync();
        }

        // Nothing was taken while the store was away: the code is still there for the page.
        Assert.Equal(SpaCode, await instance.Store.TakeAsync(id, CancellationToken.None));
    }

    /// <summary>A store as one instance of the app has it, over a connection of its own; disposing it closes the connection.</summary>
    protected abstract Task<StoreInstance> OpenInstanceAsync(IDataProtectionProvider keyRing);

    /// <summary>Moves the stored code's expiry into the past on the server's own clock, the one the store's expiry obeys.</summary>
    protected abstract Task ExpireAsync(string handOffId);

    /// <summary>What the store holds for <paramref name="handOffId"/>, read around the store; null when nothing.</summary>
    protected abstract Task<byte[]?> StoredAsync(string handOffId);

    /// <summary>A take-once store and the connection it runs on.</summary>
    protected sealed record StoreInstance(ITakeOnceSpaCodeStore Store, IAsyncDisposable Connection) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
