using HybridSpa.EntraEmulator;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>
/// A directory with a user whose name and sign-in name carry markup, and an app registration without the
/// <c>login_hint</c> optional claim, so the app's login hint falls back to that sign-in name.
/// </summary>
public sealed class HostileUserDeployment : HybridSpaDeployment
{
    /// <summary>Markup that runs script if anything renders it as HTML.</summary>
    public const string Payload = "</script><img src=x onerror=alert(1)>";

    /// <summary>The hostile user's display name.</summary>
    public const string DisplayName = "Mallory " + Payload;

    /// <summary>Adds the hostile user and turns the <c>login_hint</c> optional claim off.</summary>
    public HostileUserDeployment() => ConfigureEmulator = options =>
    {
        options.Applications[0].OptionalClaims.LoginHint = false;
        options.Users.Add(new TestUser
        {
            ObjectId = "6d0f3c1e-8a2b-4c5d-9e7f-1a2b3c4d5e6f",
            UserPrincipalName = "mallory" + Payload + "@hybridspa.onmicrosoft.com",
            DisplayName = DisplayName,
            Mail = "mallory@hybridspa.onmicrosoft.com",
            HasPhoto = true,
        });
    };
}
