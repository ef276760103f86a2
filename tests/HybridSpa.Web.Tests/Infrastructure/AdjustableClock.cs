namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>The machine's clock, moved ahead only when told (so tokens minted now stay valid, and breaks can be skipped).</summary>
public sealed class AdjustableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
