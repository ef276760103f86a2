using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace HybridSpa.EndToEnd.Tests.Browser;

/// <summary>
/// Headless Chromium on a throwaway profile, recording what crossed the network, what the console said,
/// which frames were created and which dialogs opened, so tests assert on all of it.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly string[] LaunchArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright playwright;
    private readonly BrowserProfile profile;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentQueue<string> console = new();
    private readonly ConcurrentQueue<string> dialogs = new();
    private Task<string>? lastDocument;
    private int framesAttached;

    private BrowserSession(IPlaywright playwright, BrowserProfile profile, IBrowserContext context, IPage page)
    {
        this.playwright = playwright;
        this.profile = profile;
        Context = context;
        Page = page;
    }

    /// <summary>The browser context (one persistent profile).</summary>
    public IBrowserContext Context { get; }

    /// <summary>The page the test drives.</summary>
    public IPage Page { get; }

    /// <summary>Every request made since launch or the last <see cref="ClearRecording"/>.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    /// <summary>
    /// The HTML the server sent for the page's last loaded document, as it arrived: the SPA changes the DOM after reading it.
    /// </summary>
    public Task<string> LastDocumentHtmlAsync() => Volatile.Read(ref lastDocument) ?? throw new InvalidOperationException("No document loaded yet.");

    /// <summary>Console messages, as "type: text".</summary>
    public IReadOnlyList<string> ConsoleMessages => [.. console];

    /// <summary>Messages of JavaScript dialogs (alert, confirm, prompt) that opened; each was dismissed.</summary>
    public IReadOnlyList<string> Dialogs => [.. dialogs];

    /// <summary>Child frames (iframes) created since launch or the last <see cref="ClearRecording"/>.</summary>
    public int FramesAttached => Volatile.Read(ref framesAttached);

    /// <summary>
    /// Console errors (a failed resource load, such as a missing favicon, is one) and uncaught page exceptions: a clean
    /// run has none.
    /// </summary>
    public IReadOnlyList<string> ConsoleErrors =>
        [.. console.Where(line => line.StartsWith("error: ", StringComparison.Ordinal) || line.StartsWith("pageerror: ", StringComparison.Ordinal))];

    /// <summary>Console lines that report a Content-Security-Policy violation.</summary>
    public IReadOnlyList<string> CspViolations =>
        [.. console.Where(line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))];

    /// <summary>Launches Chromium on a new profile that trusts the given certificate.</summary>
    public static async Task<BrowserSession> LaunchAsync(BrowserProfile profile)
    {
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.UserDataDirectory, new()
        {
            ExecutablePath = profile.Tools.ChromiumExecutable,
            Headless = !Headed,
            SlowMo = Headed ? 250 : 0,
            Args = LaunchArguments,
            Env = HeadedEnvironment(profile.Home),
        });
        // The whole suite shares two cores with the other test projects: allow a slow step, never a hung one.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        var session = new BrowserSession(playwright, profile, context, page);
        context.Request += (_, request) => session.requests.Enqueue(
            new RecordedRequest(request.Method, new Uri(request.Url), request.ResourceType, request.PostData));
        page.Response += (_, response) =>
        {
            // Read at once: the browser may drop a document's body once the page moves on.
            if (response.Request.ResourceType == "document" && response.Frame == page.MainFrame && response.Status == 200)
            {
                Volatile.Write(ref session.lastDocument, response.TextAsync());
            }
        };
        page.Console += (_, message) => session.console.Enqueue($"{message.Type}: {message.Text} ({message.Location})");
        page.PageError += (_, error) => session.console.Enqueue($"pageerror: {error}");
        page.FrameAttached += (_, _) => Interlocked.Increment(ref session.framesAttached);
        page.Dialog += async (_, dialog) =>
        {
            session.dialogs.Enqueue(dialog.Message);
            await dialog.DismissAsync();
        };
        return session;
    }

    /// <summary>HYBRIDSPA_E2E_HEADED=1 shows the browser (on a desktop) and slows it down enough to follow.</summary>
    private static bool Headed => Environment.GetEnvironmentVariable("HYBRIDSPA_E2E_HEADED") == "1";

    private static Dictionary<string, string> HeadedEnvironment(string home)
    {
        var environment = new Dictionary<string, string> { ["HOME"] = home };
        // The profile's HOME hides the desktop session's X authority; pass it on so a headed window can open.
        if (Environment.GetEnvironmentVariable("XAUTHORITY") is { Length: > 0 } xauthority)
        {
            environment["XAUTHORITY"] = xauthority;
        }
        else if (Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } realHome)
        {
            environment["XAUTHORITY"] = Path.Combine(realHome, ".Xauthority");
        }

        return environment;
    }

    /// <summary>Forgets the requests and frames recorded so far.</summary>
    public void ClearRecording()
    {
        requests.Clear();
        Interlocked.Exchange(ref framesAttached, 0);
    }

    /// <summary>
    /// Runs a test body; if it throws, writes a screenshot and the console log next to the test results, then rethrows.
    /// </summary>
    public async Task RunAsync(Func<Task> body, [CallerMemberName] string testName = "")
    {
        try
        {
            await body();
        }
        catch (Exception failure)
        {
            await SaveFailureArtifactsAsync(testName, failure);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        playwright.Dispose();
        profile.Dispose();
    }

    private async Task SaveFailureArtifactsAsync(string testName, Exception failure)
    {
        var directory = Path.Combine(TestArtifacts.Directory, testName);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "failure.txt"), $"{Page.Url}{Environment.NewLine}{failure}");
        try
        {
            await Page.ScreenshotAsync(new() { Path = Path.Combine(directory, "screenshot.png"), FullPage = true });
        }
        catch (PlaywrightException)
        {
            // The page may be gone (crashed or closed); the logs below still help.
        }

        await File.WriteAllLinesAsync(Path.Combine(directory, "console.log"), ConsoleMessages);
        await File.WriteAllLinesAsync(Path.Combine(directory, "requests.log"), Requests.Select(r => $"{r.Method} {r.Url} ({r.ResourceType})"));
    }
}
