using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace HybridSpa.EndToEnd.Tests.Browser;

/// <summary>
/// A throwaway Chromium profile: its own HOME whose NSS database trusts exactly the test certificate
/// (so no certificate errors are ignored), and a user-data directory with the third-party-cookie preference.
/// </summary>
public sealed class BrowserProfile : IDisposable
{
    private BrowserProfile(BrowserTools tools, string root, ThirdPartyCookies thirdPartyCookies)
    {
        Tools = tools;
        Root = root;
        ThirdPartyCookies = thirdPartyCookies;
    }

    /// <summary>The Chromium this profile is for, and the certutil that made its NSS database.</summary>
    public BrowserTools Tools { get; }

    /// <summary>The folder that holds everything; deleted on dispose.</summary>
    public string Root { get; }

    /// <summary>The HOME Chromium runs with; its <c>.pki/nssdb</c> trusts the test certificate.</summary>
    public string Home => Path.Combine(Root, "home");

    /// <summary>Chromium's <c>--user-data-dir</c>.</summary>
    public string UserDataDirectory => Path.Combine(Root, "user-data");

    /// <summary>The cookie policy this profile was made with.</summary>
    public ThirdPartyCookies ThirdPartyCookies { get; }

    /// <summary>
    /// Creates the profile, trusting <paramref name="trustedCertificate"/> for TLS. The tools come from
    /// <see cref="BrowserPrerequisites.Tools"/>: a profile cannot be made before the prerequisite step.
    /// </summary>
    public static BrowserProfile Create(BrowserTools tools, X509Certificate2 trustedCertificate, ThirdPartyCookies thirdPartyCookies)
    {
        var profile = new BrowserProfile(tools, Path.Combine(Path.GetTempPath(), "hybridspa-browser-" + Guid.NewGuid().ToString("N")), thirdPartyCookies);
        var nssDatabase = Path.Combine(profile.Home, ".pki", "nssdb");
        Directory.CreateDirectory(nssDatabase);
        Directory.CreateDirectory(Path.Combine(profile.UserDataDirectory, "Default"));

        var certificateFile = Path.Combine(profile.Root, "trusted.pem");
        File.WriteAllText(certificateFile, trustedCertificate.ExportCertificatePem());
        tools.Certutil("-d", "sql:" + nssDatabase, "-N", "--empty-password");
        tools.Certutil("-d", "sql:" + nssDatabase, "-A", "-t", "P,,", "-n", "hybridspa-test", "-i", certificateFile);

        if (thirdPartyCookies == ThirdPartyCookies.Allowed)
        {
            var preferences = new JsonObject { ["profile"] = new JsonObject { ["cookie_controls_mode"] = 0 } };
            File.WriteAllText(Path.Combine(profile.UserDataDirectory, "Default", "Preferences"), preferences.ToJsonString());
        }

        return profile;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be flushing its profile; a leftover temp folder is harmless.
        }
    }
}
