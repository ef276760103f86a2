using System.Globalization;
using Microsoft.Playwright;

namespace HybridSpa.Benchmarks.Browser;

/// <summary>
/// Chromium's network emulation (DevTools' throttling, through the page's CDP session): every response is delayed by
/// <see cref="LatencyMs"/> and limited to <see cref="Mbps"/>, the page's own and its iframes' navigations alike (the
/// benchmark reports the classic iframe's /authorize first byte to show it).
/// </summary>
internal sealed record NetworkConditions(double Mbps, double LatencyMs)
{
    /// <summary>A fast home connection: 20 Mbps both ways, 40 ms round trip.</summary>
    public static NetworkConditions Broadband { get; } = new(20, 40);

    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Mbps:0} Mbps / {LatencyMs:0} ms RTT");

    /// <summary>Applies the conditions to <paramref name="page"/> before it navigates.</summary>
    public async Task ApplyAsync(IBrowserContext context, IPage page)
    {
        var session = await context.NewCDPSessionAsync(page).ConfigureAwait(false);
        await session.SendAsync("Network.enable").ConfigureAwait(false);
        var bytesPerSecond = Mbps * 1_000_000 / 8;
        await session.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
        {
            ["offline"] = false,
            ["latency"] = LatencyMs,
            ["downloadThroughput"] = bytesPerSecond,
            ["uploadThroughput"] = bytesPerSecond,
        }).ConfigureAwait(false);
    }
}
