using HybridSpa.Web.Security;
using HybridSpa.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace HybridSpa.Web.Tests.SignIn;

/// <summary>Values taken from a request reach the log with their control characters escaped: no forged lines, no terminal escapes.</summary>
public sealed class CallbackParameterNeutralisingTests : IDisposable
{
    private const string Forged = "\r\nWarning HybridSpa Sign-in succeeded for admin\u001b[2J\u001b[31m";

    private readonly LogCapture _logs = new();
    private readonly CapturingFactory _factory;

    public CallbackParameterNeutralisingTests() => _factory = new CapturingFactory(_logs);

    [Fact]
    public async Task Callback_error_values_with_CR_LF_and_ANSI_escapes_are_logged_neutralised()
    {
        using var browser = _factory.CreateBrowser();
        var authorize = await SignInDriver.ChallengeAsync(browser);

        var response = await SignInDriver.CallbackAsync(
            browser,
            ("error", "access_denied" + Forged),
            ("error_description", "AADSTS50105: Denied." + Forged + " Correlation ID: 1f1f1f1f-1f1f-1f1f-1f1f-1f1f1f1f1f1f"),
            ("correlation_id", "1f1f1f1f" + Forged),
            ("state", authorize.State));

        await SignInDriver.AssertNotSignedInAsync(browser, response);
        var entries = _logs.Entries;
        Assert.Contains(entries, entry => entry.Contains("Sign-in failed", StringComparison.Ordinal) && entry.Contains(@"\u000D\u000AWarning", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.Contains('\r', StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.Contains('\u001b', StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.Contains("\nWarning HybridSpa", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain value", "plain value")]
    [InlineData("a\r\nb", @"a\u000D\u000Ab")]
    [InlineData("\u001b[31mred", @"\u001B[31mred")]
    [InlineData("line\u2028separator\u0085next", @"line\u2028separator\u0085next")]
    public void Neutralize_escapes_control_characters_and_keeps_the_rest(string value, string expected) =>
        Assert.Equal(expected, LoggedValue.Neutralize(value));

    public void Dispose()
    {
        _factory.Dispose();
        _logs.Dispose();
    }

    /// <summary>The app logging every category at Trace into <see cref="LogCapture"/>.</summary>
    private sealed class CapturingFactory(LogCapture logs) : HybridSpaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "System" })
            {
                builder.UseSetting($"Logging:LogLevel:{category}", "Trace");
            }

            builder.ConfigureLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        }
    }
}
