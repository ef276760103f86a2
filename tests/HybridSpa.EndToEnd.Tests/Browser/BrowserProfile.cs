using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace HybridSpa.EndToEnd.Tests.Browser;

/// <summary>
/// A throwaway Chromium profile: its own HOME whose NSS database trusts exactly the test certificate
/// (so no certificate errors are ignored), and a user-data directory with the third-party-cookie preference.
/// </summary>
public sealed class BrowserProfile : IDisposable
{
    private BrowserProfile(string root, ThirdPartyCookies thirdPartyCookies)
    {
        Root = root;
        ThirdPartyCookies = thirdPartyCookies;
    }

    /// <summary>The folder that holds everything; deleted on dispose.</summary>
    public string Root { get; }

    /// <summary>The HOME Chromium runs with; its <c>.pki/nssdb</c> trusts the test certificate.</summary>
    public string Home => Path.Combine(Root, "home");

    /// <summary>Chromium's <c>--user-data-dir</c>.</summary>
    public string UserDataDirectory => Path.Combine(Root, "user-data");

    /// <summary>The cookie policy this profile was made with.</summary>
    public ThirdPartyCookies ThirdPartyCookies { get; }

    /// <summary>Creates the profile, trusting <paramref name="trustedCertificate"/> for TLS.</summary>
    public static BrowserProfile Create(X509Certificate2 trustedCertificate, ThirdPartyCookies thirdPartyCookies)
    {
        var profile = new BrowserProfile(Path.Combine(Path.GetTempPath(), "hybridspa-browser-" + Guid.NewGuid().ToString("N")), thirdPartyCookies);
        var nssDatabase = Path.Combine(profile.Home, ".pki", "nssdb");
        Directory.CreateDirectory(nssDatabase);
        Directory.CreateDirectory(Path.Combine(profile.UserDataDirectory, "Default"));

        var certificateFile = Path.Combine(profile.Root, "trusted.pem");
        File.WriteAllText(certificateFile, trustedCertificate.ExportCertificatePem());
        Certutil("-d", "sql:" + nssDatabase, "-N", "--empty-password");
        Certutil("-d", "sql:" + nssDatabase, "-A", "-t", "P,,", "-n", "hybridspa-test", "-i", certificateFile);

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

    private static void Certutil(params string[] arguments)
    {
        var (exitCode, output) = ChromiumPrerequisites.Run("certutil", arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"certutil {string.Join(' ', arguments)} failed: {output}");
        }
    }
}
