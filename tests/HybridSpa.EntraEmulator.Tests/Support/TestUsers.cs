namespace HybridSpa.EntraEmulator.Tests.Support;

/// <summary>The default users of <see cref="EntraEmulatorOptions.CreateDefault"/>.</summary>
public static class TestUsers
{
    public const string Adele = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
    public const string Alex = "5bde3e51-d13b-4db1-9948-fe4b109d11a7";
    public const string AlexPassword = "emulator";
    public const string Megan = "00000000-0000-0000-4e1f-3d2b8a7c6e5f";
    public const string AdeleUpn = "AdeleV@hybridspa.onmicrosoft.com";

    /// <summary>Adds a fresh work-account user (so tests that mutate per-user state stay independent).</summary>
    public static TestUser AddUser(EntraEmulatorHost host, Action<TestUser>? configure = null)
    {
        var id = Guid.NewGuid().ToString();
        var user = new TestUser
        {
            ObjectId = id,
            UserPrincipalName = $"user-{id[..8]}@hybridspa.onmicrosoft.com",
            DisplayName = $"Test User {id[..8]}",
            GivenName = "Test",
            Surname = "User",
        };
        configure?.Invoke(user);
        host.Options.Users.Add(user);
        return user;
    }
}
