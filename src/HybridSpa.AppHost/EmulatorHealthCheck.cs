using System.Security.Cryptography.X509Certificates;
using HybridSpa.EntraEmulator;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridSpa.AppHost;

/// <summary>
/// The emulator is ready when its OpenID configuration answers over HTTPS with the topology's certificate: the instances
/// wait for that, so none starts its circuit breaker against an identity provider that is still starting. (Aspire's own
/// HTTP health check cannot be told to trust a self-signed certificate.)
/// </summary>
public sealed class EmulatorHealthCheck(Uri emulatorOrigin, string tlsCertificate) : IHealthCheck
{
    /// <summary>The health check's name in the AppHost.</summary>
    public const string Name = "entra-emulator-metadata";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(tlsCertificate, cancellationToken).ConfigureAwait(false));
        using var client = new HttpClient(EntraEmulatorConnectivity.CreateHandler(certificate)) { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(
                new Uri(emulatorOrigin, $"{DevelopmentDefaults.TenantId}/v2.0/.well-known/openid-configuration"), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy($"metadata answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
