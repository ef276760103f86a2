using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HybridSpa.Web.Configuration;

/// <summary>Binds and validates the app's configuration sections.</summary>
public static class ConfigurationExtensions
{
    /// <summary>
    /// Binds <c>DownstreamApis:Graph</c> and <c>Spa</c>, validated when the host starts. <c>AzureAd</c> is
    /// Identity.Web's to bind (<see cref="SignInSettings"/>, validated by <see cref="AzureAdValidator"/>).
    /// </summary>
    public static WebApplicationBuilder AddHybridSpaConfiguration(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<GraphApiOptions>().BindConfiguration(GraphApiOptions.SectionName).ValidateOnStart();
        services.AddOptions<SpaOptions>().BindConfiguration(SpaOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphApiOptions>, GraphApiOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpaOptions>, SpaOptionsValidator>());
        return builder;
    }
}
