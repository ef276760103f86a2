using HybridSpa.EntraEmulator;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>
/// A second app registered in the same tenant, from which the user signs out at the identity provider. It has no server: the
/// browser's requests to its origin are answered by the test (Playwright routing).
/// </summary>
public sealed class SecondAppDeployment : HybridSpaDeployment
{
    /// <summary>The second app's client id.</summary>
    public const string OtherClientId = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";

    /// <summary>The second app's origin (answered by the test).</summary>
    public static readonly Uri OtherAppOrigin = new("https://portal.dev.localhost/");

    /// <summary>Where the identity provider sends the browser after the second app's sign-out.</summary>
    public static readonly Uri OtherAppSignedOut = new(OtherAppOrigin, "signed-out");

    /// <summary>Registers the second app beside ours.</summary>
    public SecondAppDeployment() => ConfigureEmulator = options => options.Applications.Add(new AppRegistration
    {
        ClientId = OtherClientId,
        DisplayName = "Contoso Portal",
        ClientSecrets = ["portal-secret"],
        WebRedirectUris = [new Uri(OtherAppOrigin, "signin-oidc").AbsoluteUri],
        PostLogoutRedirectUris = [OtherAppSignedOut.AbsoluteUri],
        DefaultConsentedScopes = ["User.Read"],
    });

    /// <summary>The identity provider's logout URL as the second app sends the browser there to sign out.</summary>
    public Uri OtherAppLogoutUrl =>
        new($"{Emulator.Authority}oauth2/v2.0/logout?client_id={OtherClientId}&post_logout_redirect_uri={Uri.EscapeDataString(OtherAppSignedOut.AbsoluteUri)}");
}
