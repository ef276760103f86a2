using System.Security.Cryptography.X509Certificates;
using HybridSpa.EntraEmulator;

namespace HybridSpa.EndToEnd.Tests.Harness;

/// <summary>The run's TLS certificate for localhost and *.dev.localhost, shared by the app, the emulator and the browser's trust store.</summary>
public static class TestCertificate
{
    private static readonly Lazy<X509Certificate2> Shared = new(() => LoopbackCertificate.CreateSelfSigned("HybridSpa end-to-end tests", DateTimeOffset.UtcNow));

    /// <summary>The run's certificate, with its private key.</summary>
    public static X509Certificate2 Instance => Shared.Value;
}
