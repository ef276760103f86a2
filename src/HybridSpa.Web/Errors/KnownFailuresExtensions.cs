using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HybridSpa.Web.Errors;

/// <summary>Registers the failures the error page explains.</summary>
public static class KnownFailuresExtensions
{
    /// <summary>Adds <typeparamref name="TFailure"/> to the known failures, tried after those added before it.</summary>
    public static IServiceCollection AddKnownFailure<TFailure>(this IServiceCollection services)
        where TFailure : class, IKnownFailure
    {
        services.TryAddSingleton<KnownFailures>();
        return services.AddSingleton<IKnownFailure, TFailure>();
    }
}
