using System.Text.Json;
using HybridSpa.AppHost;
using HybridSpa.EntraEmulator;
using HybridSpa.Web.FrontChannelLogout;
using HybridSpa.Web.Routes;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace HybridSpa.EndToEnd.Tests.Topology;

/// <summary>
/// The topology's emulator registers every URI the published app sends a browser back to on the public origin. The AppHost
/// writes that registration itself (it does not reference the web app's assembly), and a URI missing there shows only when
/// its path is first used, as AADSTS50011; so it is checked here against the web app's own routes.
/// </summary>
public sealed class TopologyRegistrationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hybridspa-topology-registration-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_emulators_registration_holds_every_redirect_uri_the_app_uses_on_the_public_origin()
    {
        var settings = new TopologySettings { StateDirectory = Path.Combine(_root, "run"), InstancePorts = { 5101, 5102 } };
        var origin = settings.PublicOrigin.GetLeftPart(UriPartial.Authority);
        var handlerDefaults = new OpenIdConnectOptions();

        var files = TopologyFiles.Write(settings);

        using var written = JsonDocument.Parse(File.ReadAllText(files.EmulatorConfiguration));
        var application = written.RootElement.GetProperty(EntraEmulatorOptions.SectionName).GetProperty("Applications")[0];
        Assert.Equal<IEnumerable<string>>([origin + handlerDefaults.CallbackPath], Strings(application, "WebRedirectUris"));
        Assert.Equal<IEnumerable<string>>([origin + "/", origin + SpaRoutes.SilentCallback], Strings(application, "SpaRedirectUris"));
        Assert.Equal<IEnumerable<string>>([origin + handlerDefaults.SignedOutCallbackPath], Strings(application, "PostLogoutRedirectUris"));
        Assert.Equal(origin + FrontChannelLogoutController.Path, application.GetProperty("FrontChannelLogoutUrl").GetString());
    }

    private static string[] Strings(JsonElement application, string name) =>
        [.. application.GetProperty(name).EnumerateArray().Select(uri => uri.GetString() ?? "")];

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
