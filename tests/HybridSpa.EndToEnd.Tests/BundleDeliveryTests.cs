using System.Collections.Concurrent;
using HybridSpa.EndToEnd.Tests.Browser;
using HybridSpa.EndToEnd.Tests.Harness;
using Microsoft.Playwright;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>
/// How the SPA bundle reaches Chromium: compressed at build time and served through MapStaticAssets, cacheable forever
/// under its content-hashed name, each chunk fetched once — the entry the page names, and the UI chunk the entry imports.
/// </summary>
public sealed class BundleDeliveryTests(HybridSpaDeployment stack) : IClassFixture<HybridSpaDeployment>
{
    [Fact]
    public async Task The_entry_and_the_UI_chunk_it_imports_arrive_brotli_compressed_immutable_and_once_each()
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
            var scripts = bundleResponses.Where(r => r.Url.EndsWith(".js", StringComparison.Ordinal)).ToList();
            var fetched = scripts.Select(r => new Uri(r.Url).AbsolutePath).ToList();
            Assert.Equal(2, fetched.Count);
            Assert.Equal(2, fetched.Distinct(StringComparer.Ordinal).Count());
            Assert.Contains(entry, fetched);
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
