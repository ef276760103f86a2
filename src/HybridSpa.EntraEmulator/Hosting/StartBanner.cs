namespace HybridSpa.EntraEmulator.Hosting;

/// <summary>
/// What the runnable prints once it serves: the issuer, how to trust its certificate, the control surface and its token (printed
/// this once), and last the authority, which scripts wait for.
/// </summary>
internal static class StartBanner
{
    public static void Write(TextWriter output, EntraEmulatorHost host, string? exportedCertificate, string? controlTokenFile)
    {
        output.WriteLine($"Issuer:      {host.BaseAddress}{host.Options.TenantId}/v2.0");
        output.WriteLine($"Graph:       {host.GraphBaseUrl}");
        output.WriteLine($"Certificate: {host.TlsCertificate.Subject} (SHA-256 {host.TlsCertificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256)})");
        output.WriteLine(exportedCertificate is null
            ? "             to trust it, start with --ExportCertificate <file.pem> and trust that file (docs/emulator.md, \"Trusting its certificate\")"
            : $"             written to {exportedCertificate}; trust that file: curl --cacert, NODE_EXTRA_CA_CERTS, or a .NET HttpClient that accepts exactly it");
        if (host.ControlSurfaceToken is { } token)
        {
            output.WriteLine($"Control:     {host.BaseAddress}emulator/ (loopback only; send Authorization: Bearer <token>)");
            output.WriteLine($"Control token: {token}");
            output.WriteLine($"             also in {controlTokenFile} (readable only by you)");
        }

        output.WriteLine($"Authority:  {host.Authority}");
        output.WriteLine("Press Ctrl+C to stop.");
    }
}
