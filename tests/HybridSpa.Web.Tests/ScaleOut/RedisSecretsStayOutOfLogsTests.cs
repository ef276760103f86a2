using System.Net;
using HybridSpa.EntraEmulator;
using HybridSpa.Web.SharedState.Redis;
using HybridSpa.Web.Tests.Infrastructure;
using HybridSpa.Web.Tests.Integration;
using HybridSpa.Web.Tests.SignIn;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>
/// On Redis, the log (every category, at Trace) never holds the Redis password or the app's key names — which are session
/// ids and account ids — not even in the exceptions logged while Redis is down, nor the SPA code.
/// </summary>
[Collection(SharedStoreTests.Name)]
public sealed class RedisSecretsStayOutOfLogsTests(RedisServer server)
{
    [Fact]
    public async Task A_sign_in_and_an_outage_of_Redis_log_neither_its_password_nor_key_names_nor_the_spa_code()
    {
        using var logs = new LogCapture();
        await using var instances = await TwoInstances.StartAsync(server, EntraEmulatorOptions.CreateDefault(), logs: logs);
        using var driver = instances.CreateDriver();
        await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);
        var spaCode = (await driver.HomeBootstrapAsync()).SpaCode;
        await TwoInstanceTests.AssertProfileAsync(driver.App, EmulatorSignInDriver.AdeleDisplayName);

        await server.StopAsync();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await driver.App.GetAsync("/")).StatusCode);
        }
        finally
        {
            await server.StartAsync();
        }

        var log = string.Join('\n', logs.Entries);
        Assert.False(string.IsNullOrEmpty(spaCode));
        Assert.Contains("The shared state store (Redis) is unavailable.", log, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Password, log, StringComparison.Ordinal);
        Assert.DoesNotContain(RedisKeys.CachePrefix, log, StringComparison.Ordinal);
        Assert.DoesNotContain(spaCode, log, StringComparison.Ordinal);
    }
}
