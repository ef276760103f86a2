using HybridSpa.Web.Http;
using HybridSpa.Web.SignIn;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.IdentityProvider;

/// <summary>
/// Fetches the identity provider's metadata through the same client (and circuit breaker) sign-in uses. Unreachable is
/// Degraded, not Unhealthy: signed-in users keep working and a load balancer must not take every instance out.
/// </summary>
internal sealed class IdentityProviderHealthCheck(
    IHttpClientFactory httpClients, IOptionsMonitor<OpenIdConnectOptions> openIdConnect, TimeProvider clock) : IHealthCheck
{
    /// <summary>The health check's registration name.</summary>
    public const string CheckName = "identityProvider";

    /// <summary>The metadata answered.</summary>
    public const string Reachable = "Reachable";

    /// <summary>The metadata did not answer (refused, timed out, error status, or the circuit is open).</summary>
    public const string Unreachable = "Unreachable";

    // Probes from load balancers arrive every few seconds per instance: the identity provider hears from us at most this often.
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_last is { } last && clock.GetUtcNow() - last.At < CacheFor)
        {
            return last.Result;
        }

        var result = await ProbeAsync(cancellationToken);
        if (result.Status == HealthStatus.Healthy && _last?.Result.Status == HealthStatus.Degraded)
        {
            // The handler backs off fetching metadata it never got (up to its RefreshInterval, 5 min): it answers again, so fetch now.
            foreach (var scheme in new[] { SignInSchemes.OpenIdConnect, SignInSchemes.OpenIdConnectWithoutSpaCode })
            {
                openIdConnect.Get(scheme).ConfigurationManager?.RequestRefresh();
            }
        }

        _last = (clock.GetUtcNow(), result);
        return result;
    }

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var metadata = openIdConnect.Get(SignInSchemes.OpenIdConnect).MetadataAddress;
        try
        {
            using var response = await httpClients.CreateClient(HttpClientNames.IdentityProvider)
                .GetAsync(metadata, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return Result(response.IsSuccessStatusCode);
        }
        catch (Exception ex) when (IdentityProviderUnavailable.IsCauseOf(ex))
        {
            return Result(reachable: false);
        }
    }

    private static HealthCheckResult Result(bool reachable) => new(
        reachable ? HealthStatus.Healthy : HealthStatus.Degraded,
        description: null,
        exception: null,
        new Dictionary<string, object> { ["state"] = reachable ? Reachable : Unreachable });
}
