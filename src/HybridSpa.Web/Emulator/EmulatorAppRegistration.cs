using HybridSpa.EntraEmulator;
using HybridSpa.Web.FrontChannelLogout;
using HybridSpa.Web.Routes;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace HybridSpa.Web.Emulator;

/// <summary>
/// The URIs this app needs registered in the emulator, from its public origin: one list for the embedded emulator and the web
/// tests' emulator. Builds without the embedded emulator (Release) do not have it: the end-to-end harness, which the Release
/// benchmarks compile too, and the AppHost keep their own copies.
/// </summary>
public static class EmulatorAppRegistration
{
    /// <summary>Registers the app on <paramref name="publicOrigin"/> with the OpenID Connect handler's default callback paths (those appsettings.json sets).</summary>
    public static void RegisterUris(AppRegistration application, string publicOrigin)
    {
        var defaults = new OpenIdConnectOptions();
        RegisterUris(application, publicOrigin, publicOrigin + "/", defaults.CallbackPath, defaults.SignedOutCallbackPath);
    }

    /// <summary>Registers the app on <paramref name="publicOrigin"/> (<c>https://host[:port]</c>, no path) with these redirect paths.</summary>
    public static void RegisterUris(AppRegistration application, string publicOrigin, string spaRedirectUri, PathString callbackPath, PathString signedOutCallbackPath)
    {
        ArgumentNullException.ThrowIfNull(application);
        application.WebRedirectUris = [publicOrigin + callbackPath];
        application.SpaRedirectUris = [spaRedirectUri, publicOrigin + SpaRoutes.SilentCallback];
        application.PostLogoutRedirectUris = [publicOrigin + signedOutCallbackPath];
        application.FrontChannelLogoutUrl = publicOrigin + FrontChannelLogoutController.Path;
    }
}
