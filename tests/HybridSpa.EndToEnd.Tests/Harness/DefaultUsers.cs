namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>Display names of the emulator's default users, as its sign-in page and Graph show them.</summary>
public static class DefaultUsers
{
    /// <summary>A work account with a photo.</summary>
    public const string Adele = "Adele Vance";

    /// <summary>A personal account: no hybrid SPA code (AADSTS9000512).</summary>
    public const string Megan = "Megan Bowen";
}
