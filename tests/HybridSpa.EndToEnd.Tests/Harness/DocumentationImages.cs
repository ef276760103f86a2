using HybridSpa.EndToEnd.Tests.Browser;
using Microsoft.Playwright;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>
/// The screenshots in docs/images, taken by <see cref="PageDesignTests"/> (and the dashboard's by TopologyDashboardTests) from the running app and copied there when
/// HYBRIDSPA_REFRESH_DOCS_IMAGES=1 (docs/browser-tests.md), so the pictures in the README are the app as it is.
/// </summary>
public static class DocumentationImages
{
    private static readonly (string Page, int Width, ColorScheme Scheme, string File)[] Images =
    [
        ("spa-signed-in", 1280, ColorScheme.Light, "signed-in.png"),
        ("spa-signed-in", 375, ColorScheme.Dark, "signed-in-phone-dark.png"),
        ("mail", 1280, ColorScheme.Light, "mail.png"),
    ];

    /// <summary>Copies the screenshots into docs/images when asked to; otherwise does nothing.</summary>
    public static void RefreshIfAsked()
    {
        foreach (var (page, width, scheme, file) in Images)
        {
            RefreshIfAsked(PageAudit.ScreenshotPath(page, width, scheme), file);
        }
    }

    /// <summary>Copies one screenshot into docs/images as <paramref name="file"/> when asked to; otherwise does nothing.</summary>
    public static void RefreshIfAsked(string screenshot, string file)
    {
        if (Environment.GetEnvironmentVariable("HYBRIDSPA_REFRESH_DOCS_IMAGES") != "1")
        {
            return;
        }

        var folder = Path.Combine(Repository.Root, "docs", "images");
        Directory.CreateDirectory(folder);
        File.Copy(screenshot, Path.Combine(folder, file), overwrite: true);
    }
}
