using System.Globalization;

namespace HybridSpa.EntraEmulator.Control;

/// <summary><c>/emulator/clock</c>: read it, advance it by a duration, or move it forward to a time.</summary>
internal sealed class ClockControl(EmulatorState state)
{
    public Task GetAsync(HttpContext context) => WriteAsync(context);

    public async Task AdvanceAsync(HttpContext context)
    {
        var body = await ControlJson.ReadAsync<ClockAdvance>(context).ConfigureAwait(false);
        if (body?.By is not { } by || by < TimeSpan.Zero)
        {
            await ControlJson.BadRequestAsync(context, "Give \"by\" as a non-negative duration, e.g. {\"by\":\"01:00:00\"}.").ConfigureAwait(false);
            return;
        }

        state.Clock.Advance(by);
        await WriteAsync(context).ConfigureAwait(false);
    }

    public async Task SetAsync(HttpContext context)
    {
        var body = await ControlJson.ReadAsync<ClockSetting>(context).ConfigureAwait(false);
        if (body?.Now is not { } now || now < state.Clock.GetUtcNow())
        {
            await ControlJson.BadRequestAsync(context,
                $"Give \"now\" as a time not before the emulator's present ({Iso(state.Clock.GetUtcNow())}): the clock moves only forward; POST /emulator/reset returns it to real time.").ConfigureAwait(false);
            return;
        }

        state.Clock.AdvanceTo(now);
        await WriteAsync(context).ConfigureAwait(false);
    }

    private Task WriteAsync(HttpContext context) =>
        ControlJson.WriteAsync(context, StatusCodes.Status200OK, new { now = Iso(state.Clock.GetUtcNow()), offset = state.Clock.Offset.ToString("c", CultureInfo.InvariantCulture) });

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private sealed record ClockAdvance(TimeSpan? By);

    private sealed record ClockSetting(DateTimeOffset? Now);
}
