using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using HybridSpa.Web.Observability;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using LogRecord = OpenTelemetry.Logs.LogRecord;

namespace HybridSpa.Web.Tests.Observability;

/// <summary>
/// The app's OpenTelemetry pipeline with OpenTelemetry's in-memory exporters added: every span, metric and log record the app
/// would export, kept to be searched. Spans and metrics from other apps in this test process may be among them (listeners are
/// process-wide): tests look for their own by trace id or value.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<Metric> _metrics = new();
    private readonly ConcurrentQueue<LogRecord> _logs = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> _counted = new();
    private readonly ConcurrentQueue<Activity> _requestsEnded = new();
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private WebApplicationFactory<Program>? _app;
    private MeterListener? _listener;
    private ActivityListener? _requests;

    /// <summary>A <c>Telemetry:Traces:PerSecond</c> no test comes near: every request is traced.</summary>
    public const string TraceEveryRequest = "1000000";

    public IReadOnlyList<Activity> Spans => [.. _spans];

    /// <summary><paramref name="factory"/> with the exporters added; browsers on it carry cookies like <see cref="HybridSpaFactory.CreateBrowser"/>.</summary>
    public WebApplicationFactory<Program> Attach(WebApplicationFactory<Program> factory)
    {
        // Every request activity that ends in this process, exported or not: a span can be said to be missing only once its request ended.
        _requests = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            ActivityStopped = _requestsEnded.Enqueue,
        };
        ActivitySource.AddActivityListener(_requests);
        _app = factory.WithWebHostBuilder(builder =>
        {
            // Every request traced, not the default ten a second: a test's burst of requests is to be searched whole.
            builder.UseSetting(SignInFirstSampler.PerSecondSetting, TraceEveryRequest);
            builder.ConfigureTestServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new QueueCollection<Activity>(_spans)));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(new QueueCollection<Metric>(_metrics)));
                services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddInMemoryExporter(new QueueCollection<LogRecord>(_logs)));
            });
        });
        return _app;
    }

    /// <summary>The first exported span that <paramref name="match"/>es, once there is one (a request's span ends just after its response).</summary>
    public Task<Activity> WaitForSpanAsync(Func<Activity, bool> match) => WaitForAsync(() => _spans.FirstOrDefault(match));

    /// <summary>The first request activity in this process that <paramref name="match"/>es and has ended, exported or not.</summary>
    public Task<Activity> WaitForRequestEndAsync(Func<Activity, bool> match) => WaitForAsync(() => _requestsEnded.FirstOrDefault(match));

    public Browser CreateBrowser()
    {
        var browser = new Browser(_app!.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri(TestSettings.Origin),
        }));
        ListenToThisAppsCounters();
        return browser;
    }

    /// <summary>The metrics as exported now (the periodic reader is flushed first; cumulative, each instrument once).</summary>
    public IReadOnlyList<Metric> Metrics()
    {
        _metrics.Clear();
        _app!.Services.GetRequiredService<MeterProvider>().ForceFlush();
        return [.. _metrics.Distinct()];
    }

    /// <summary>
    /// What this app's counter <paramref name="name"/> counted (for a histogram: how many values it recorded) with every pair of <paramref name="tags"/>. Read from its own
    /// meters (those of its <see cref="IMeterFactory"/>): an exporter also merges in same-named instruments of other apps in
    /// this process, and stops a merged stream when one of them is disposed.
    /// </summary>
    public long CounterSum(string name, params (string Key, string Value)[] tags) =>
        _counted.Where(m => m.Instrument == name && tags.All(t => m.Tags.Any(tag => tag.Key == t.Key && Equals(tag.Value, t.Value)))).Sum(m => m.Value);

    private void ListenToThisAppsCounters()
    {
        if (_listener is not null)
        {
            return;
        }

        var meters = _app!.Services.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, measuredTags, _) => _counted.Enqueue((instrument.Name, value, measuredTags.ToArray())));
        _listener.SetMeasurementEventCallback<double>((instrument, _, measuredTags, _) => _counted.Enqueue((instrument.Name, 1, measuredTags.ToArray())));
        _listener.SetMeasurementEventCallback<int>((instrument, value, measuredTags, _) => _counted.Enqueue((instrument.Name, value, measuredTags.ToArray())));
        _listener.Start();
    }

    /// <summary>
    /// Every string an exporter would send: span names, tags, events, links and statuses; metric names and point tags; log
    /// messages, bodies, attributes, scopes and exceptions.
    /// </summary>
    public IReadOnlyList<string> ExportedText()
    {
        var text = new List<string>();
        foreach (var span in _spans)
        {
            text.Add($"span {span.DisplayName} {span.StatusDescription}");
            text.AddRange(span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"));
            foreach (var spanEvent in span.Events)
            {
                text.Add(spanEvent.Name);
                text.AddRange(spanEvent.Tags.Select(tag => $"{tag.Key}={tag.Value}"));
            }

            text.AddRange(span.Links.SelectMany(link => link.Tags ?? []).Select(tag => $"{tag.Key}={tag.Value}"));
            text.AddRange(span.Baggage.Select(item => $"{item.Key}={item.Value}"));
        }

        foreach (var metric in Metrics())
        {
            text.Add($"metric {metric.Name}");
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    text.Add($"{tag.Key}={tag.Value}");
                }
            }
        }

        foreach (var log in _logs)
        {
            text.Add($"log {log.CategoryName} {log.FormattedMessage} {log.Body} {log.Exception}");
            text.AddRange((log.Attributes ?? []).Select(attribute => $"{attribute.Key}={attribute.Value}"));
            log.ForEachScope(
                (scope, list) =>
                {
                    foreach (var item in scope)
                    {
                        list.Add($"{item.Key}={item.Value}");
                    }
                },
                text);
        }

        return text;
    }

    /// <summary>The log records (the exporter keeps copies, so they stay readable).</summary>
    public IReadOnlyList<LogRecord> Logs => [.. _logs];

    public void Dispose()
    {
        _listener?.Dispose();
        _requests?.Dispose();
    }

    private static async Task<Activity> WaitForAsync(Func<Activity?> find)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (true)
        {
            if (find() is { } found)
            {
                return found;
            }

            await Task.Delay(20, guard.Token);
        }
    }

    // The exporters want an ICollection; spans and logs arrive from many threads at once.
    private sealed class QueueCollection<T>(ConcurrentQueue<T> queue) : ICollection<T>
    {
        public int Count => queue.Count;

        public bool IsReadOnly => false;

        public void Add(T item) => queue.Enqueue(item);

        public void Clear() => queue.Clear();

        public bool Contains(T item) => queue.Contains(item);

        public void CopyTo(T[] array, int arrayIndex) => queue.CopyTo(array, arrayIndex);

        public bool Remove(T item) => throw new NotSupportedException();

        public IEnumerator<T> GetEnumerator() => queue.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
