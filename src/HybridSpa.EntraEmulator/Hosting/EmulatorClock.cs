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

    /// <summary>Moves the clock forward to <paramref name="now"/>; a time before the clock's present is refused.</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        var by = now - GetUtcNow();
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(now), now, "The emulator clock moves only forward.");
        }

        Advance(by);
    }

    /// <summary>Back to the underlying time (a reset of the whole emulator, whose codes and tokens are forgotten with it).</summary>
    internal void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
