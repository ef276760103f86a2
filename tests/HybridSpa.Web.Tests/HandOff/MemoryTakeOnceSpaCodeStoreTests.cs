using HybridSpa.Web.HandOff;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.HandOff;

public sealed class MemoryTakeOnceSpaCodeStoreTests
{
    [Fact]
    public async Task Of_many_concurrent_takes_exactly_one_gets_the_code()
    {
        var store = new MemoryTakeOnceSpaCodeStore(TimeProvider.System);
        await store.PutAsync("id", "code", TimeSpan.FromMinutes(5), CancellationToken.None);

        var takes = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => store.TakeAsync("id", CancellationToken.None))));

        Assert.Equal(["code"], takes.Where(t => t is not null));
    }

    [Fact]
    public async Task An_expired_code_is_not_returned()
    {
        var clock = new ManualClock();
        var store = new MemoryTakeOnceSpaCodeStore(clock);
        await store.PutAsync("old", "old-code", TimeSpan.FromMinutes(5), CancellationToken.None);
        await store.PutAsync("kept", "kept-code", TimeSpan.FromMinutes(10), CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(6));

        Assert.Null(await store.TakeAsync("old", CancellationToken.None));
        Assert.Equal("kept-code", await store.TakeAsync("kept", CancellationToken.None));
    }

    [Fact]
    public async Task An_expired_code_nobody_takes_is_swept_by_a_later_put()
    {
        var clock = new ManualClock();
        var store = new MemoryTakeOnceSpaCodeStore(clock);
        await store.PutAsync("untaken", "untaken-code", TimeSpan.FromMinutes(5), CancellationToken.None);
        await store.PutAsync("kept", "kept-code", TimeSpan.FromMinutes(10), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(2, store.Count);

        await store.PutAsync("new", "new-code", TimeSpan.FromMinutes(5), CancellationToken.None);

        // The expired code is gone without anyone asking for it; the live ones stay.
        Assert.Equal(2, store.Count);
        Assert.Equal("kept-code", await store.TakeAsync("kept", CancellationToken.None));
        Assert.Equal("new-code", await store.TakeAsync("new", CancellationToken.None));
        Assert.Equal(0, store.Count);
    }
}
