namespace HybridSpa.Web.Tests.Infrastructure;

/// <summary>The machine's time plus an offset the test moves forward: tokens minted now stay valid at the start.</summary>
public sealed class AdjustableClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;
}
