using HybridSpa.EndToEnd.Tests.Browser;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>The audit <see cref="PageDesignTests"/> relies on finds what it looks for, so its empty answer means something.</summary>
public sealed class PageAuditTests
{
    [Fact]
    public async Task A_page_with_an_unlabelled_image_low_contrast_and_a_too_wide_element_fails_the_audit_in_both_schemes_and_widths()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await browser.Page.SetContentAsync("""
                <!DOCTYPE html><html lang="en"><head><title>Bad page</title></head>
                <body><main><h1>Bad page</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#ccc;background:#fff">faint</p>
                <div id="wide" style="width:2000px">wide</div></main></body></html>
                """);

            var problems = await new PageAudit(browser).AuditAsync("audit-self-test");

            foreach (var combination in PageAudit.ColorSchemes.SelectMany(scheme => PageAudit.Viewports.Select(viewport =>
                $"{viewport.Width} px {scheme.ToString().ToLowerInvariant()}")))
            {
                Assert.Contains(problems, p => p.StartsWith($"audit-self-test {combination}: axe image-alt", StringComparison.Ordinal));
                Assert.Contains(problems, p => p.StartsWith($"audit-self-test {combination}: axe color-contrast", StringComparison.Ordinal));
                Assert.Contains(problems, p => p.StartsWith($"audit-self-test {combination}: div#wide", StringComparison.Ordinal));
            }
        });
    }
}
