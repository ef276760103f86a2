using System.Text.Json;
using System.Text.Json.Nodes;
using HybridSpa.EndToEnd.Tests.Contract;
using HybridSpa.EndToEnd.Tests.Harness;
using HybridSpa.Tests.Contracts;
using static HybridSpa.EndToEnd.Tests.Harness.DefaultUsers;
using static HybridSpa.EndToEnd.Tests.Harness.JourneySteps;

namespace HybridSpa.EndToEnd.Tests;

/// <summary>
/// The bootstrap JSON the server renders, held to contracts/bootstrap.schema.json in a real browser (without one:
/// tests/HybridSpa.Web.Tests/Contracts/ContractSchemaTests.cs; the SPA's validator is held to it by
/// clientapp/src/bootstrap/bootstrapContract.test.ts): a field added on one side only fails.
/// </summary>
public sealed class BootstrapContractTests(HybridSpaDeployment stack) : IClassFixture<HybridSpaDeployment>
{
    [Fact]
    public async Task The_host_page_renders_the_schema_with_a_SPA_code_and_then_without()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);
            using var firstRender = await BootstrapSchema.RenderedAsync(browser);
            using var firstRenderOnceRead = await BootstrapSchema.InPageAsync(browser);
            await browser.Page.ReloadAsync();
            await ProfileHeading(browser, Adele).WaitForAsync();
            using var laterRender = await BootstrapSchema.RenderedAsync(browser);

            Assert.Empty(ContractSchema.Bootstrap.ProblemsOf(firstRender.RootElement.GetRawText()));
            Assert.Empty(ContractSchema.Bootstrap.ProblemsOf(laterRender.RootElement.GetRawText()));
            Assert.Equal(JsonValueKind.String, firstRender.RootElement.GetProperty("spaCode").ValueKind);
            Assert.Equal(JsonValueKind.Null, firstRenderOnceRead.RootElement.GetProperty("spaCode").ValueKind); // the SPA blanked it
            Assert.Equal(firstRender.RootElement.GetProperty("loginHint").GetString(), firstRenderOnceRead.RootElement.GetProperty("loginHint").GetString());
            Assert.Equal(JsonValueKind.Null, laterRender.RootElement.GetProperty("spaCode").ValueKind);
        });
    }

    [Fact]
    public async Task A_field_on_one_side_only_breaks_the_contract()
    {
        await using var browser = await LaunchBrowserAsync();
        await browser.RunAsync(async () =>
        {
            await SignInAsync(browser, stack, Adele);
            using var page = await BootstrapSchema.RenderedAsync(browser);
            var rendered = JsonNode.Parse(page.RootElement.GetRawText())!.AsObject();

            var serverOnly = rendered.DeepClone().AsObject();
            serverOnly["theme"] = "dark";
            var schemaOnly = rendered.DeepClone().AsObject();
            schemaOnly.Remove("freshSpaCodeUrl");
            var nestedServerOnly = rendered.DeepClone().AsObject();
            nestedServerOnly["signOut"]!["method"] = "post";

            Assert.Equal(["/theme: All values fail against the false schema"], ContractSchema.Bootstrap.ProblemsOf(serverOnly.ToJsonString()));
            Assert.Equal([""": Required properties ["freshSpaCodeUrl"] are not present"""], ContractSchema.Bootstrap.ProblemsOf(schemaOnly.ToJsonString()));
            Assert.Equal(["/signOut/method: All values fail against the false schema"], ContractSchema.Bootstrap.ProblemsOf(nestedServerOnly.ToJsonString()));
        });
    }
}
