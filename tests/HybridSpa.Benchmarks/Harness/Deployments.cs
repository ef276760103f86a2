using HybridSpa.EndToEnd.Tests.Harness;
using HybridSpa.EntraEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Benchmarks.Harness;

/// <summary>The browser tests' deployment (app + emulator on two HTTPS sites), started for a benchmark.</summary>
internal static class Deployments
{
    /// <summary>The Development user every benchmark signs in.</summary>
    public const string Adele = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";

    /// <summary>Adele's display name, as the emulator's sign-in page and the SPA's profile card show it.</summary>
    public const string AdeleDisplayName = "Adele Vance";

    /// <summary>Starts the app in hybrid mode (the default) or, with <paramref name="classic"/>, with <c>AzureAd:WithSpaAuthCode=false</c>.</summary>
    public static async Task<HybridSpaDeployment> StartAsync(
        bool classic = false, Action<IServiceCollection>? configureAppServices = null, Action<EntraEmulatorOptions>? configureEmulator = null)
    {
        var deployment = new HybridSpaDeployment
        {
            AppSettings = new Dictionary<string, string?> { ["AzureAd:WithSpaAuthCode"] = classic ? "false" : "true" },
            ConfigureAppServices = configureAppServices,
            ConfigureEmulator = configureEmulator,
        };
        await deployment.InitializeAsync().ConfigureAwait(false);
        return deployment;
    }
}
