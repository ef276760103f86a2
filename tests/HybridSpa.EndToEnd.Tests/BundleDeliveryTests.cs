using System.Collections.Concurrent;
using HybridSpa.EndToEnd.Tests.Browser;
using HybridSpa.EndToEnd.Tests.Harness;
using Microsoft.Playwright;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>
/// How the SPA bundle reaches Chromium: compressed at build time and served through MapStaticAssets, cacheable forever
/// under its content-hashed name, and every chunk the host page names fetched once (the modulepreload is the fetch the
/// module graph uses, not a second download).
/// </summary>
public sealed class BundleDeliveryTests(HybridSpaDeployment stack) : IClassFixture<HybridSpaDeployment>
{
    [Fact]
    public async Task The_entry_and_its_preloaded_UI_chunk_arrive_brotli_compressed_immutable_and_once_each()
    {
        await using var browser = await LaunchBrowserAsync();
        var bundleResponses = new ConcurrentQueue<IResponse>();
        browser.Page.Response += (_, response) =>
        {
            if (new Uri(response.Url).AbsolutePath.StartsWith("/app/assets/", StringComparison.Ordinal))
            {
                bundleResponses.Enqueue(response);
            }
        };
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);

            var entry = await browser.Page.GetAttributeAsync("script[type=module]", "src");
            var preloads = await browser.Page.EvalOnSelectorAllAsync<string[]>("link[rel=modulepreload]", "links => links.map(l => l.getAttribute('href'))");
            Assert.NotNull(entry);
            Assert.NotEmpty(preloads);
            var scripts = bundleResponses.Where(r => r.Url.EndsWith(".js", StringComparison.Ordinal)).ToList();
            var fetched = scripts.Select(r => new Uri(r.Url).AbsolutePath);
            Assert.Equal([.. preloads.Append(entry).Order(StringComparer.Ordinal)], [.. fetched.Order(StringComparer.Ordinal)]);
            foreach (var script in scripts)
            {
                var headers = await script.AllHeadersAsync();
                Assert.Equal(200, script.Status);
                Assert.Equal("br", headers.GetValueOrDefault("content-encoding"));
                Assert.Contains("immutable", headers.GetValueOrDefault("cache-control") ?? "", StringComparison.Ordinal);
                Assert.False(string.IsNullOrEmpty(headers.GetValueOrDefault("etag")), $"{script.Url} has no ETag.");
            }

            Assert.Empty(browser.CspViolations);
        });
    }
}
