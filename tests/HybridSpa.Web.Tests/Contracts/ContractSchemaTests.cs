using System.CodeDom.Compiler;
using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using HybridSpa.Web.Account;
using HybridSpa.Web.FrontChannelLogout;
using HybridSpa.Tests.Contracts;
using HybridSpa.Web.Routes;
using HybridSpa.Web.SpaHost;
using HybridSpa.Web.Tests.Infrastructure;
using HybridSpa.Web.Tests.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Tests.Contracts;

/// <summary>
/// The server's side of contracts/*.schema.json, without a browser: the JSON it actually sends for each shape holds to the
/// schemas, and the C# records it serializes are the ones the build generates from them, with the schemas' properties,
/// nesting and nullability (the SPA's side: clientapp/src/bootstrap/bootstrapContract.test.ts).
/// </summary>
public sealed class ContractSchemaTests(HybridSpaFactory hybrid, ClassicBootstrapFactory classic)
    : IClassFixture<HybridSpaFactory>, IClassFixture<ClassicBootstrapFactory>
{
    [Fact]
    public async Task The_hybrid_host_page_renders_the_schema_with_a_SPA_code_and_then_without()
    {
        using var browser = hybrid.CreateBrowser();
        await SignInDriver.SignInAsync(hybrid, browser, TestUser.Create(), spaCode: "spa-code-1");

        var firstRender = await RenderedBootstrapAsync(browser);
        var laterRender = await RenderedBootstrapAsync(browser);

        Assert.Empty(ContractSchema.Bootstrap.ProblemsOf(firstRender));
        Assert.Empty(ContractSchema.Bootstrap.ProblemsOf(laterRender));
        Assert.Equal("spa-code-1", JsonNode.Parse(firstRender)!["spaCode"]!.GetValue<string>());
        Assert.Null(JsonNode.Parse(laterRender)!["spaCode"]);
    }

    [Fact]
    public async Task The_classic_host_page_renders_the_schema_too()
    {
        using var browser = classic.CreateBrowser();
        await SignInDriver.SignInAsync(classic, browser, TestUser.Create(), spaCode: null);

        var rendered = await RenderedBootstrapAsync(browser);

        Assert.Empty(ContractSchema.Bootstrap.ProblemsOf(rendered));
        Assert.False(JsonNode.Parse(rendered)!["spaCodeRequested"]!.GetValue<bool>());
        Assert.NotNull(JsonNode.Parse(rendered)!["silentRedirectUri"]);
    }

    [Fact]
    public async Task The_sign_out_antiforgery_answer_is_the_schema_for_a_signed_in_and_a_signed_out_caller()
    {
        using var signedIn = hybrid.CreateBrowser();
        await SignInDriver.SignInAsync(hybrid, signedIn, TestUser.Create());
        using var signedOut = hybrid.CreateBrowser();

        foreach (var browser in new[] { signedIn, signedOut })
        {
            var response = await browser.GetAsync(SpaRoutes.SignOutAntiforgery);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(ContractSchema.SignOutAntiforgery.ProblemsOf(await response.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task The_session_status_answer_is_the_schema_for_a_signed_in_and_a_signed_out_caller()
    {
        using var signedIn = hybrid.CreateBrowser();
        await SignInDriver.SignInAsync(hybrid, signedIn, TestUser.Create());
        using var signedOut = hybrid.CreateBrowser();

        foreach (var browser in new[] { signedIn, signedOut })
        {
            var response = await browser.GetAsync(SpaRoutes.SessionStatus);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(ContractSchema.SessionStatus.ProblemsOf(await response.Content.ReadAsStringAsync()));
        }
    }

    [Fact]
    public async Task A_field_on_one_side_only_or_of_another_type_breaks_the_schema()
    {
        using var browser = hybrid.CreateBrowser();
        await SignInDriver.SignInAsync(hybrid, browser, TestUser.Create());
        var rendered = JsonNode.Parse(await RenderedBootstrapAsync(browser))!.AsObject();

        var serverOnly = Changed(rendered, json => json["theme"] = "dark");
        var schemaOnly = Changed(rendered, json => json.Remove("freshSpaCodeUrl"));
        var nestedServerOnly = Changed(rendered, json => json["pages"]!["settings"] = "/settings");
        var wrongType = Changed(rendered, json => json["spaCode"] = 42);
        var antiforgeryWithoutToken = """{"field":"__RequestVerificationToken"}""";

        Assert.Equal(["/theme: All values fail against the false schema"], ContractSchema.Bootstrap.ProblemsOf(serverOnly));
        Assert.Equal([""": Required properties ["freshSpaCodeUrl"] are not present"""], ContractSchema.Bootstrap.ProblemsOf(schemaOnly));
        Assert.Equal(["/pages/settings: All values fail against the false schema"], ContractSchema.Bootstrap.ProblemsOf(nestedServerOnly));
        Assert.StartsWith("""/spaCode: Value is "integer" """, Assert.Single(ContractSchema.Bootstrap.ProblemsOf(wrongType)), StringComparison.Ordinal);
        Assert.Equal([""": Required properties ["token"] are not present"""], ContractSchema.SignOutAntiforgery.ProblemsOf(antiforgeryWithoutToken));
        Assert.Equal(["/user: All values fail against the false schema"], ContractSchema.SessionStatus.ProblemsOf("""{"signedIn":true,"user":"adele"}"""));
    }

    [Theory]
    [InlineData(typeof(BootstrapModel))]
    [InlineData(typeof(SignOutBootstrap))]
    [InlineData(typeof(SitePages))]
    [InlineData(typeof(SignOutAntiforgery))]
    [InlineData(typeof(SessionStatus))]
    public void Every_contract_record_is_generated_from_its_schema_at_build_time(Type record)
    {
        Assert.Equal("NJsonSchema", record.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool);
    }

    [Fact]
    public void The_bootstrap_record_has_the_schemas_properties_nesting_and_nullability()
    {
        Assert.Equal(ContractSchema.Bootstrap.Shape(), ContractSchema.ShapeOf(typeof(BootstrapModel), BootstrapSerializer.Options));
    }

    [Fact]
    public void The_sign_out_antiforgery_record_has_the_schemas_properties_and_nullability()
    {
        var mvcJson = hybrid.Services.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;

        Assert.Equal(ContractSchema.SignOutAntiforgery.Shape(), ContractSchema.ShapeOf(typeof(SignOutAntiforgery), mvcJson));
    }

    [Fact]
    public void The_session_status_record_has_the_schemas_properties()
    {
        var mvcJson = hybrid.Services.GetRequiredService<IOptions<JsonOptions>>().Value.JsonSerializerOptions;

        Assert.Equal(ContractSchema.SessionStatus.Shape(), ContractSchema.ShapeOf(typeof(SessionStatus), mvcJson));
    }

    [Fact]
    public async Task Every_url_the_bootstrap_hands_the_SPA_is_a_route_the_server_answers()
    {
        using var browser = hybrid.CreateBrowser();
        await SignInDriver.SignInAsync(hybrid, browser, TestUser.Create());
        var bootstrap = SignInFlowTests.BootstrapOf(await browser.GetAsync(SpaRoutes.HostPage));
        var served = await bootstrap;

        string[] pages =
        [
            served.Pages.Home, served.Pages.Profile, served.Pages.ProfileMail, served.Pages.SignedOut, served.FreshSpaCodeUrl,
            served.SessionStatusUrl, served.SignOut.AntiforgeryUrl,
        ];
        foreach (var page in pages)
        {
            var status = (await browser.GetAsync(page)).StatusCode;
            Assert.True(status is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed), $"GET {page}: {status}");
        }

        // Without its antiforgery field the sign-out is refused by the endpoint, not missing.
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostFormAsync(served.SignOut.Url, [])).StatusCode);
    }

    private static async Task<string> RenderedBootstrapAsync(Browser browser)
    {
        var page = await browser.GetAsync(SpaRoutes.HostPage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return SignInFlowTests.BootstrapJson().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    private static string Changed(JsonObject json, Action<JsonObject> change)
    {
        var copy = json.DeepClone().AsObject();
        change(copy);
        return copy.ToJsonString();
    }
}
