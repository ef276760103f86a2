using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;
using static HybridSpa.EndToEnd.Tests.Topology.TopologySteps;

namespace HybridSpa.EndToEnd.Tests.Topology;

/// <summary>Debian's prometheus scrapes both instances, and a sign-in through nginx shows in its counters (docs/operations.md).</summary>
[Collection(TopologyTestGroup.Name)]
public sealed class TopologyMetricsTests(TopologyDeployment topology)
{
    // The names the OpenTelemetry Prometheus exporter gives HybridSpaMetrics' counters (dots to underscores, _total added).
    private const string HybridSignIns = "sum(hybridspa_sign_in_outcomes_total{hybridspa_outcome=\"hybrid\"}) or vector(0)";
    private const string HandOffsStored = "sum(hybridspa_hand_offs_total{hybridspa_outcome=\"stored\"}) or vector(0)";
    private const string HandOffsTaken = "sum(hybridspa_hand_offs_total{hybridspa_outcome=\"taken\"}) or vector(0)";

    [Fact]
    public async Task A_Chromium_sign_in_through_nginx_counts_one_hybrid_sign_in_and_one_hand_off_stored_and_taken_in_prometheus()
    {
        using var prometheus = new PrometheusQueries(topology.PrometheusOrigin);
        var signInsBefore = await prometheus.ScrapedValueAsync(HybridSignIns);
        var storedBefore = await prometheus.ScrapedValueAsync(HandOffsStored);
        var takenBefore = await prometheus.ScrapedValueAsync(HandOffsTaken);

        await using var browser = await LaunchBrowserAsync(topology);
        await browser.RunAsync(() => SignInAsync(browser, topology.PublicOrigin, Adele));

        Assert.Equal(signInsBefore + 1, await prometheus.ScrapedValueAsync(HybridSignIns));
        Assert.Equal(storedBefore + 1, await prometheus.ScrapedValueAsync(HandOffsStored));
        Assert.Equal(takenBefore + 1, await prometheus.ScrapedValueAsync(HandOffsTaken));
    }
}
