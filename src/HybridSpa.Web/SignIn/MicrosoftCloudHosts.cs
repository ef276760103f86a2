namespace HybridSpa.Web.SignIn;

/// <summary>Login hosts of Microsoft's clouds, the only ones MSAL.NET's instance discovery knows.</summary>
internal static class MicrosoftCloudHosts
{
    private static readonly HashSet<string> Hosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "login.microsoftonline.com",
        "login.microsoft.com",
        "login.windows.net",
        "sts.windows.net",
        "login.microsoftonline.us",
        "login.usgovcloudapi.net",
        "login.chinacloudapi.cn",
        "login.partner.microsoftonline.cn",
    };

    /// <summary>Whether <paramref name="instance"/> is a Microsoft cloud login host.</summary>
    public static bool Contains(Uri instance) => Hosts.Contains(instance.Host);
}
