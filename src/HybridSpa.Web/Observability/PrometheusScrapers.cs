using System.Net;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Observability;

/// <summary>Who may read the scrape endpoint: loopback and the configured networks, never anonymous callers from elsewhere.</summary>
internal sealed class PrometheusScrapers(IOptions<PrometheusEndpointOptions> options)
{
    private readonly IPNetwork[] _allowed = [.. options.Value.AllowedNetworks.Select(Parse)];

    /// <summary>Middleware for the scrape endpoint's branch: anyone not allowed gets 404, as if there were no endpoint.</summary>
    public RequestDelegate Guard(RequestDelegate next) => context =>
    {
        if (!IsAllowed(context.Connection.RemoteIpAddress))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    };

    // No address (an in-memory test server) is no proof of where the caller is.
    public bool IsAllowed(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return IPAddress.IsLoopback(address) || _allowed.Any(network => network.Contains(address));
    }

    private static IPNetwork Parse(string network) => IPNetwork.TryParse(network, out var parsed)
        ? parsed
        : throw new InvalidOperationException($"{PrometheusEndpointOptions.SectionName}:AllowedNetworks: '{network}' is not a network in CIDR form (10.0.0.0/8).");
}
