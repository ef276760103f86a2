using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace HybridSpa.EndToEnd.Tests.Topology;

/// <summary>Reads the topology's prometheus through its HTTP query API (<c>/api/v1/query</c>), as an operator's dashboard would.</summary>
public sealed class PrometheusQueries(Uri prometheusOrigin) : IDisposable
{
    private static readonly TimeSpan ScrapeLimit = TimeSpan.FromMinutes(2);
    private const double ExporterResponseCacheSeconds = 0.5;
    private readonly HttpClient client = new() { BaseAddress = prometheusOrigin, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// The value of a PromQL expression that yields one number (<c>sum(...) or vector(0)</c>), once prometheus has scraped
    /// every instance after this call began — so the value includes everything the instances counted before it.
    /// </summary>
    public async Task<double> ScrapedValueAsync(string expression)
    {
        // The app's exporter answers a scrape from a response it cached for up to 300 ms (OpenTelemetry's default
        // ScrapeResponseCacheDurationMilliseconds): only a scrape that started later than that after the question is sure to be new.
        var asked = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0 + ExporterResponseCacheSeconds;
        using var limit = new CancellationTokenSource(ScrapeLimit);
        // Readiness, not speed: polls until both instances' last scrape started after the question, failing only at the limit.
        while (await ScalarAsync("min(timestamp(up{job=\"hybridspa\"} == 1)) and on() count(up{job=\"hybridspa\"} == 1) == 2") is not { } scraped
            || scraped <= asked)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"prometheus did not scrape both instances within {ScrapeLimit.TotalMinutes} minutes.");
            }
        }

        return await ScalarAsync(expression) ?? throw new InvalidOperationException($"{expression} yielded no sample.");
    }

    /// <inheritdoc />
    public void Dispose() => client.Dispose();

    private async Task<double?> ScalarAsync(string expression)
    {
        var answer = await client.GetFromJsonAsync<JsonElement>("api/v1/query?query=" + Uri.EscapeDataString(expression));
        Assert.Equal("success", answer.GetProperty("status").GetString());
        var result = answer.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0
            ? null
            : double.Parse(Assert.Single(result.EnumerateArray()).GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }
}
