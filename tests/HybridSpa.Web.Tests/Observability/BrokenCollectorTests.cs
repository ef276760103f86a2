using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HybridSpa.Web.Observability;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.Observability;

/// <summary>
/// An OTLP collector that hangs or refuses costs the app nothing visible: exports are batched in a bounded queue off the
/// request path, so requests complete as they would without telemetry. (No timed assertion: a generous guard only stops a hang.)
/// </summary>
public sealed class BrokenCollectorTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_collector_that_accepts_and_never_answers_does_not_hold_any_request()
    {
        using var collector = new SilentListener();
        using var factory = new CollectorFactory(collector.Port);

        await AssertRequestsCompleteAsync(factory);

        // The exporter did try: the telemetry went to the collector's port, not nowhere.
        using var guard = new CancellationTokenSource(Guard);
        while (collector.Accepted == 0)
        {
            await Task.Delay(50, guard.Token);
        }
    }

    [Fact]
    public async Task A_collector_that_refuses_connections_does_not_fail_any_request()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        using var factory = new CollectorFactory(port);

        await AssertRequestsCompleteAsync(factory);
    }

    // More spans and log records than the queue holds, sent while the first exports wait on the collector.
    private static async Task AssertRequestsCompleteAsync(CollectorFactory factory)
    {
        using var guard = new CancellationTokenSource(Guard);
        using var browser = factory.CreateBrowser();
        for (var request = 0; request < 3 * CollectorFactory.QueueSize; request++)
        {
            var response = await browser.GetAsync("/").WaitAsync(guard.Token);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health/live").WaitAsync(guard.Token)).StatusCode);
    }

    /// <summary>The app exporting OTLP (HTTP) to a collector on <c>port</c>, through the standard variables, with small queues and short delays.</summary>
    private sealed class CollectorFactory : HybridSpaFactory
    {
        public const int QueueSize = 16;

        public CollectorFactory(int port)
        {
            Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
            Settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
            Settings["OTEL_EXPORTER_OTLP_TIMEOUT"] = "60000";
            Settings["OTEL_BSP_SCHEDULE_DELAY"] = "10";
            Settings["OTEL_BSP_MAX_QUEUE_SIZE"] = QueueSize.ToString(CultureInfo.InvariantCulture);
            Settings["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] = "4";
            Settings["OTEL_BLRP_SCHEDULE_DELAY"] = "10";
            Settings["OTEL_BLRP_MAX_QUEUE_SIZE"] = QueueSize.ToString(CultureInfo.InvariantCulture);
            Settings["OTEL_BLRP_MAX_EXPORT_BATCH_SIZE"] = "4";
            Settings["OTEL_METRIC_EXPORT_INTERVAL"] = "100";
            Settings[SignInFirstSampler.PerSecondSetting] = TelemetryCapture.TraceEveryRequest; // to fill the span queue too
        }
    }
}
