using System.Net;
using HybridSpa.EntraEmulator;
using HybridSpa.Web.Tests.Integration;
using HybridSpa.Web.Tests.SignIn;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>The scale-out journey on PostgreSQL, and what only PostgreSQL has: a schema the instances create.</summary>
[Collection(SharedStoreTests.Name)]
public sealed class PostgresTwoInstanceTests(PostgresCluster cluster) : TwoInstanceTests(cluster)
{
    [Fact]
    public async Task An_empty_database_that_comes_up_after_the_instances_gets_its_schema_and_serves_them()
    {
        var database = await cluster.CreateDatabaseAsync("empty_" + Guid.NewGuid().ToString("N"));
        await cluster.StopAsync();
        try
        {
            await using var instances = await TwoInstances.StartAsync(cluster, EntraEmulatorOptions.CreateDefault(), PostgresCluster.CacheSettingsFor(database));
            using var driver = instances.CreateDriver();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await driver.App.GetAsync("/")).StatusCode);

            // No table exists yet: the instances create the schema themselves once the database answers.
            await cluster.StartAsync();
            await WaitUntilHealthyAsync(driver.App);
            await driver.SignInToHomeAsync(EmulatorSignInDriver.Adele);

            using var onB = driver.App.Via(instances.B.CreateBrowserClient());
            Assert.False(string.IsNullOrEmpty((await SignInFlowTests.BootstrapOf(await onB.GetAsync("/"))).SpaCode));
            await AssertProfileAsync(onB, EmulatorSignInDriver.AdeleDisplayName);
        }
        finally
        {
            if (!cluster.IsRunning)
            {
                await cluster.StartAsync();
            }
        }
    }
}
