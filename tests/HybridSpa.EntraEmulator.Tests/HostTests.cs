using HybridSpa.EntraEmulator.Tests.Support;

namespace HybridSpa.EntraEmulator.Tests;

/// <summary>Hosting: environment guard, URLs, configuration validation.</summary>
public sealed class HostTests
{
    [Fact]
    public async Task Refuses_to_start_in_production()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            EntraEmulatorHost.StartAsync(EntraEmulatorOptions.CreateDefault(), new EntraEmulatorHostSettings { EnvironmentName = "Production" }));

        Assert.Contains("Production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_configuration_fails_at_start_with_the_offending_entry()
    {
        var options = EntraEmulatorOptions.CreateDefault();
        options.Users.Add(new TestUser { ObjectId = "not-a-guid", UserPrincipalName = "x@y" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EntraEmulatorHost.StartAsync(options, new EntraEmulatorHostSettings { EnvironmentName = "Development" }));

        Assert.Contains("not-a-guid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Urls_use_the_configured_host_and_the_bound_port()
    {
        await using var host = await EntraEmulatorHost.StartAsync(EntraEmulatorOptions.CreateDefault(), new EntraEmulatorHostSettings { EnvironmentName = "Development" });

        Assert.Equal("login.dev.localhost", host.BaseAddress.Host);
        Assert.NotEqual(0, host.BaseAddress.Port);
        Assert.Equal($"https://login.dev.localhost:{host.BaseAddress.Port}/{DevelopmentDefaults.TenantId}/", host.Authority);
        Assert.Equal($"https://login.dev.localhost:{host.BaseAddress.Port}/v1.0", host.GraphBaseUrl.ToString());
    }

    [Fact]
    public void Defaults_match_the_development_settings_of_the_architecture_document()
    {
        var options = EntraEmulatorOptions.CreateDefault();
        var app = Assert.Single(options.Applications);

        Assert.Equal("6a1f4b0e-2d3c-4e5f-8a9b-0c1d2e3f4a5b", options.TenantId);
        Assert.Equal("c2b7e3a9-4f1d-4b6e-9a8c-5d3e2f1a0b7c", app.ClientId);
        Assert.Equal(["hybridspa-emulator-secret"], app.ClientSecrets);
        Assert.Equal(["https://localhost:5001/signin-oidc"], app.WebRedirectUris);
        Assert.Equal(["https://localhost:5001/"], app.SpaRedirectUris);
        Assert.Equal(["https://localhost:5001/signout-callback-oidc"], app.PostLogoutRedirectUris);
        Assert.Equal("https://localhost:5001/signout-frontchannel", app.FrontChannelLogoutUrl);
        Assert.Equal(3, options.Users.Count);
    }

    [Fact]
    public void Emulator_clock_moves_only_forward()
    {
        var clock = new EmulatorClock();
        var before = clock.GetUtcNow();

        clock.Advance(TimeSpan.FromHours(24));

        Assert.True(clock.GetUtcNow() - before >= TimeSpan.FromHours(24));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromSeconds(-1)));
    }
}
