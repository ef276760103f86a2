using System.Text.Json;
using HybridSpa.EndToEnd.Tests.Browser;
using HybridSpa.EndToEnd.Tests.Contract;
using HybridSpa.EndToEnd.Tests.Harness;
using HybridSpa.Tests.Contracts;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>The classic bootstrap's page (no SPA code requested, a silent redirect URI) against the same schema.</summary>
public sealed class ClassicBootstrapContractTests(ClassicBootstrapDeployment stack) : IClassFixture<ClassicBootstrapDeployment>
{
    [Fact]
    public async Task The_classic_host_page_renders_the_schema_too()
    {
        await using var browser = await LaunchBrowserAsync(ThirdPartyCookies.Allowed);
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);
            using var rendered = await BootstrapSchema.RenderedAsync(browser);

            Assert.Empty(ContractSchema.Bootstrap.ProblemsOf(rendered.RootElement.GetRawText()));
            Assert.False(rendered.RootElement.GetProperty("spaCodeRequested").GetBoolean());
            Assert.Equal(JsonValueKind.String, rendered.RootElement.GetProperty("silentRedirectUri").ValueKind);
        });
    }
}
