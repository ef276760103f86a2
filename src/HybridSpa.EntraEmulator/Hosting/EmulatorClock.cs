namespace HybridSpa.EntraEmulator;

/// <summary>The emulator's clock: real time plus an offset that tests move forward instead of sleeping.</summary>
public sealed class EmulatorClock(TimeProvider? inner = null) : TimeProvider
{
    private readonly TimeProvider _inner = inner ?? System;
    private long _offsetTicks;

    /// <summary>How far this clock has been moved ahead of the underlying time provider.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow() + Offset;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <summary>Moves the clock forward; codes and tokens expire as if that time had passed.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
