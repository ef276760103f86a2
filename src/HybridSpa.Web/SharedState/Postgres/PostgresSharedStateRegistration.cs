using HybridSpa.Web.HandOff;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HybridSpa.Web.SharedState.Postgres;

/// <summary>
/// <c>Cache:Provider = Postgres</c>: session and token cache on <see cref="PostgresDistributedCache"/>, the key ring on
/// <see cref="PostgresXmlRepository"/>, the SPA-code hand-off on <see cref="PostgresTakeOnceSpaCodeStore"/>, all over one
/// <see cref="NpgsqlDataSource"/>, with the schema created and expired rows deleted in the background.
/// </summary>
internal static class PostgresSharedStateRegistration
{
    public static void AddPostgres(IServiceCollection services, CacheOptions cache)
    {
        // One data source (one pool) for every store; it is created on first use, after the options were validated.
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(sp.GetRequiredService<IOptions<CacheOptions>>().Value.ConnectionString)
            .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
            .Build());
        services.AddSingleton<PostgresConnector>();

        // Registered over any TryAdd'ed memory cache: session and the token cache both resolve IDistributedCache.
        services.AddSingleton<IDistributedCache, PostgresDistributedCache>();
        services.AddSingleton<ITakeOnceSpaCodeStore, PostgresTakeOnceSpaCodeStore>();

        services.AddSingleton<PostgresXmlRepository>();
        services.AddDataProtection().SetApplicationName(SharedStateExtensions.DataProtectionApplicationName).ProtectKeysWith(cache.KeyRingCertificates);
        services.AddOptions<KeyManagementOptions>().Configure<PostgresXmlRepository>((options, repository) => options.XmlRepository = repository);

        services.AddHostedService<PostgresSchemaInitializer>();
        services.AddHostedService<PostgresExpiredRowsCleanup>();
    }
}
