using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Security;

/// <summary>
/// Behind a reverse proxy that terminates TLS, the request's scheme, host and client address become the public ones
/// (ASP.NET Core's <c>UseForwardedHeaders</c>), so HSTS, HTTPS redirection and the client address are right. The URIs
/// the sign-in sends come from configuration (<see cref="Configuration.SignInSettings.PublicOrigin"/>), never from these headers.
/// </summary>
public static class ForwardedHeadersExtensions
{
    /// <summary>
    /// Believes <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c> from the proxies of <see cref="KnownProxiesOptions"/>
    /// (bound here, validated when the host starts), and a forwarded host only when it
    /// is in <c>AllowedHosts</c>, the list host filtering holds the <c>Host</c> header to.
    /// </summary>
    public static WebApplicationBuilder AddForwardedHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<KnownProxiesOptions>().BindConfiguration(KnownProxiesOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KnownProxiesOptions>, KnownProxiesOptionsValidator>());
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<KnownProxiesOptions>, IConfiguration>((options, proxies, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            if (proxies.Value is { KnownProxies.Count: > 0 } or { KnownNetworks.Count: > 0 })
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in proxies.Value.KnownProxies)
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }

                foreach (var network in proxies.Value.KnownNetworks)
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            }

            // The same key, and the same format, as host filtering's (ASP.NET Core's web host defaults): "*" allows every host.
            var allowedHosts = configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            if (!allowedHosts.Contains("*"))
            {
                options.AllowedHosts = allowedHosts;
            }
        });
        return builder;
    }
}
