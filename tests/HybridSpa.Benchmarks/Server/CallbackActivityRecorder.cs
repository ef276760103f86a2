using System.Collections.Concurrent;
using System.Diagnostics;

namespace HybridSpa.Benchmarks.Server;

/// <summary>
/// Listens to ASP.NET Core's hosting activities and HttpClient's outgoing-request activities in this process and, for each
/// request of the app that redeemed an authorization code (a <c>POST …/oauth2/v2.0/token</c> made inside it: the
/// <c>/signin-oidc</c> callback), records its duration and the time spent in all outgoing calls made inside it.
/// Measures only; the app is unchanged. (The hosting activity carries no path, hence recognition by the redemption.)
/// </summary>
internal sealed class CallbackActivityRecorder : IDisposable
{
    private const string HostingSource = "Microsoft.AspNetCore";
    private const string HttpClientSource = "System.Net.Http";

    private readonly ActivityListener listener;
    private readonly ConcurrentDictionary<ActivitySpanId, double> backchannelMs = new();
    private readonly ConcurrentDictionary<ActivitySpanId, bool> redeemed = new();

    public CallbackActivityRecorder()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is HostingSource or HttpClientSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>One entry per completed callback: its total duration and the part spent waiting on outgoing HTTP calls.</summary>
    public ConcurrentQueue<(double TotalMs, double BackchannelMs)> Callbacks { get; } = new();

    public void Dispose() => listener.Dispose();

    // The app's own spans (with telemetry on) may stand between the request and its outgoing call.
    private static Activity? RequestOf(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Source.Name == HostingSource)
            {
                return parent;
            }
        }

        return null;
    }

    private void Stopped(Activity activity)
    {
        if (activity.Source.Name == HttpClientSource && RequestOf(activity) is { } request)
        {
            backchannelMs.AddOrUpdate(request.SpanId, activity.Duration.TotalMilliseconds, (_, sum) => sum + activity.Duration.TotalMilliseconds);
            if (activity.GetTagItem("http.request.method") is "POST" && activity.GetTagItem("url.full") is string url
                && new Uri(url).AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
            {
                redeemed[request.SpanId] = true;
            }
        }
        else if (activity.Source.Name == HostingSource)
        {
            backchannelMs.TryRemove(activity.SpanId, out var backchannel);
            if (redeemed.TryRemove(activity.SpanId, out _))
            {
                Callbacks.Enqueue((activity.Duration.TotalMilliseconds, backchannel));
            }
        }
    }
}
