using System.Net;
using System.Text.Json;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.SharedState;

public sealed class HealthEndpointTests(HybridSpaFactory factory) : IClassFixture<HybridSpaFactory>
{
    [Fact]
    public async Task Health_is_anonymous_json_naming_the_memory_backend()
    {
        using var browser = factory.CreateBrowser();

        var response = await browser.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Memory", json.RootElement.GetProperty("cache").GetProperty("provider").GetString());
        Assert.Equal("InProcess", json.RootElement.GetProperty("cache").GetProperty("state").GetString());
    }
}
