namespace HybridSpa.EntraEmulator.Hosting;

/// <summary>
/// The <c>entra-emulator</c> command line: the options it knows (each also an environment variable of the same name), its
/// <c>--help</c> text, and the check that refuses an option it does not know instead of starting with it ignored.
/// </summary>
internal static class EmulatorCommandLine
{
    /// <summary>One option: its name, what its value looks like, and what it does.</summary>
    public sealed record Option(string Name, string Value, string Meaning);

    /// <summary>Every option, in the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<Option> Options { get; } =
    [
        new("Port", "<port>", $"the port (default {DevelopmentDefaults.Port})"),
        new("Host", "<name>", $"the host name in URLs, issuers and the certificate (default {DevelopmentDefaults.ProgramHost}; {DevelopmentDefaults.Host} makes it another site than apps on localhost, for browsers)"),
        new("config", "<file.json>", "users and app registrations from that file's EntraEmulator section"),
        new("EnableControlSurface", "true|false", "serve the HTTP control surface under /emulator/ (Development only, loopback callers with the control token)"),
        new("ControlSurfaceToken", "<token>", "the control surface's bearer token (at least 16 characters); default: generated at start"),
        new("ControlSurfaceTokenFile", "<file>", $"where the control token is written, readable only by you (default ./{DefaultTokenFile})"),
        new("ExportCertificate", "<file.pem>", "write the TLS certificate it serves (not its key) as PEM, before it prints Authority:"),
        new("TlsCertificate", "<file>", "serve this certificate: a .pfx (with --TlsCertificatePassword) or a .pem/.crt (with --TlsCertificateKey)"),
        new("TlsCertificateKey", "<key.pem>", "the private key of a .pem/.crt --TlsCertificate, unless it is in the same file"),
        new("TlsCertificatePassword", "<password>", "the password of a .pfx --TlsCertificate"),
    ];

    /// <summary>The control token file's name when <c>--ControlSurfaceTokenFile</c> is not given.</summary>
    public const string DefaultTokenFile = "entra-emulator-control.token";

    /// <summary>Options of the emulator itself, as in configuration: <c>--EntraEmulator:TenantId &lt;guid&gt;</c>.</summary>
    private const string OptionsSection = "EntraEmulator:";

    private static readonly string[] HelpNames = ["help", "h", "?"];

    /// <summary>True when the arguments ask for help (<c>--help</c>, <c>-h</c>, <c>-?</c>, <c>/?</c>).</summary>
    public static bool AsksForHelp(IEnumerable<string> args) => args.Any(a => HelpNames.Contains(Name(a), StringComparer.OrdinalIgnoreCase) && IsOption(a));

    /// <summary>The first argument that names no known option (null when all are known), read as .NET's command-line configuration reads them.</summary>
    public static string? FindUnknown(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!IsOption(arg) && !arg.Contains('=', StringComparison.Ordinal))
            {
                return arg;
            }

            var name = Name(arg);
            var known = Options.Any(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                || (name.StartsWith(OptionsSection, StringComparison.OrdinalIgnoreCase) && name.Length > OptionsSection.Length);
            if (!known)
            {
                return arg;
            }

            if (IsOption(arg) && !arg.Contains('=', StringComparison.Ordinal))
            {
                i++; // its value
            }
        }

        return null;
    }

    public static string Usage()
    {
        var width = Options.Max(o => o.Name.Length + o.Value.Length) + 4;
        var lines = new List<string>
        {
            "entra-emulator: a local Microsoft Entra ID v2.0 + Microsoft Graph emulator for development and CI.",
            "",
            "Usage: entra-emulator [options]",
            "",
            "Options (each also an environment variable of the same name; the command line wins):",
        };
        lines.AddRange(Options.Select(o => $"  --{(o.Name + " " + o.Value).PadRight(width)}{o.Meaning}"));
        lines.Add($"  --{"EntraEmulator:<Name> <value>".PadRight(width)}any option of the EntraEmulator configuration section, e.g. --EntraEmulator:TenantId <guid>");
        lines.Add($"  --{"help".PadRight(width)}print this and exit");
        lines.Add("");
        lines.Add("On start it prints its issuer, how to trust its certificate, the control token (when enabled), and last \"Authority: <url>\".");
        lines.Add("Documentation: docs/emulator.md in the HybridSpa repository (the package's README).");
        return string.Join(Environment.NewLine, lines);
    }

    private static bool IsOption(string arg) => arg.StartsWith('-') || arg.StartsWith('/');

    private static string Name(string arg)
    {
        var name = arg.TrimStart('-', '/');
        var equals = name.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? name : name[..equals];
    }
}
