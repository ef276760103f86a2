using System.Text.Json;
using HybridSpa.EndToEnd.Tests.Harness;
using Microsoft.Playwright;

namespace HybridSpa.EndToEnd.Tests.Browser;

/// <summary>
/// Looks at the page the browser shows, light and dark, at a phone's width (375 px) and a laptop's (1280 px): a full-page
/// screenshot of each into <c>artifacts/test-results/e2e/pages/</c>, every element that reaches past the viewport's right
/// edge, and axe-core's WCAG 2.1 A/AA and best-practice violations (axe-core from clientapp's npm packages).
/// </summary>
public sealed class PageAudit(BrowserSession browser)
{
    /// <summary>The widths every page is looked at, with a height for the screenshot's first screen.</summary>
    public static readonly IReadOnlyList<(int Width, int Height)> Viewports = [(375, 812), (1280, 800)];

    /// <summary>The narrowest and widest widths a page must fit, checked for overflow only (no screenshot, no axe).</summary>
    public static readonly IReadOnlyList<int> EdgeWidths = [320, 1440];

    /// <summary>The colour schemes every page is looked at (prefers-color-scheme).</summary>
    public static readonly IReadOnlyList<ColorScheme> ColorSchemes = [ColorScheme.Light, ColorScheme.Dark];

    /// <summary>Where the screenshots go.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(TestArtifacts.Directory, "pages");

    private static readonly string[] AxeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    private static readonly Lazy<string> AxeSource = new(() =>
    {
        var path = Path.Combine(Repository.Root, "clientapp", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"{path} is missing: the build's npm ci in clientapp/ installs axe-core (a devDependency).");
    });

    /// <summary>
    /// Audits the current page under every colour scheme and width, then checks it fits 320 and 1440 px, and returns what is
    /// wrong ("name 375 px dark: …"), empty when nothing is. Leaves the page at 1280 px, light.
    /// </summary>
    public async Task<IReadOnlyList<string>> AuditAsync(string name)
    {
        var problems = new List<string>();
        Directory.CreateDirectory(ScreenshotDirectory);
        foreach (var scheme in ColorSchemes)
        {
            await browser.Page.EmulateMediaAsync(new() { ColorScheme = scheme });
            foreach (var (width, height) in Viewports)
            {
                await browser.Page.SetViewportSizeAsync(width, height);
                var label = $"{name} {width} px {scheme.ToString().ToLowerInvariant()}";
                await browser.Page.ScreenshotAsync(new() { Path = ScreenshotPath(name, width, scheme), FullPage = true });
                problems.AddRange((await OverflowingElementsAsync()).Select(element => $"{label}: {element} reaches past the viewport"));
                problems.AddRange((await AxeViolationsAsync()).Select(violation => $"{label}: {violation}"));
            }
        }

        await browser.Page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        foreach (var width in EdgeWidths)
        {
            await browser.Page.SetViewportSizeAsync(width, 800);
            problems.AddRange((await OverflowingElementsAsync()).Select(element => $"{name} {width} px light: {element} reaches past the viewport"));
        }

        await browser.Page.SetViewportSizeAsync(1280, 800);
        return problems;
    }

    /// <summary>The file a page's screenshot is written to.</summary>
    public static string ScreenshotPath(string name, int width, ColorScheme scheme) =>
        Path.Combine(ScreenshotDirectory, $"{name}-{width}-{scheme.ToString().ToLowerInvariant()}.png");

    /// <summary>Elements whose box ends right of the viewport (so the page scrolls sideways), and the page's own overflow.</summary>
    private Task<string[]> OverflowingElementsAsync() => browser.Page.EvaluateAsync<string[]>("""
        () => {
          const width = document.documentElement.clientWidth;
          const describe = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
          const found = [...document.body.querySelectorAll('*')]
            .filter(e => { const box = e.getBoundingClientRect(); return box.width > 0 && box.right > width + 0.5; })
            .map(e => `${describe(e)} (right edge ${Math.round(e.getBoundingClientRect().right)} px of ${width})`);
          if (document.documentElement.scrollWidth > width) {
            found.push(`the page (scroll width ${document.documentElement.scrollWidth} px of ${width})`);
          }
          return found;
        }
        """);

    /// <summary>axe-core's violations of the WCAG 2.1 A/AA and best-practice rules, one line each with the offending nodes.</summary>
    private async Task<IReadOnlyList<string>> AxeViolationsAsync()
    {
        // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern: no script tag is added.
        if (!await browser.Page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await browser.Page.EvaluateAsync(AxeSource.Value);
        }

        var violations = await browser.Page.EvaluateAsync<JsonElement>(
            "tags => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then(r => r.violations.map(v => ({ id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary) })))",
            AxeTags);
        return [.. violations.EnumerateArray().Select(v =>
            $"axe {v.GetProperty("id").GetString()} ({v.GetProperty("help").GetString()}): {string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")];
    }
}
