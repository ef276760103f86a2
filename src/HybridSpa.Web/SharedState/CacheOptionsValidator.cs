using Microsoft.Identity.Web;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace HybridSpa.Web.SharedState;

/// <summary>Validates the <c>Cache</c> section at startup.</summary>
public sealed class CacheOptionsValidator : IValidateOptions<CacheOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.CleanupInterval <= TimeSpan.Zero)
        {
            failures.Add($"Cache:CleanupInterval must be positive (it is {options.CleanupInterval}) — see docs/scale-out.md");
        }

        switch (options.Provider)
        {
            case CacheProvider.Postgres:
                ValidatePostgres(options, failures);
                break;
            case CacheProvider.Redis:
                ValidateRedis(options, failures);
                break;
        }

        if (options.Provider == CacheProvider.Memory && options.KeyRingCertificates.Count > 0)
        {
            failures.Add("Cache:KeyRingCertificates is set but Cache:Provider is 'Memory': only a shared key ring (Postgres or Redis) is encrypted with them — see docs/scale-out.md");
        }
        else
        {
            for (var index = 0; index < options.KeyRingCertificates.Count; index++)
            {
                if (LoadFailure(options.KeyRingCertificates[index]) is { } failure)
                {
                    failures.Add($"Cache:KeyRingCertificates:{index} cannot be loaded: {failure} — see docs/scale-out.md");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidatePostgres(CacheOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Cache:ConnectionString is not set: Cache:Provider 'Postgres' needs an Npgsql connection string "
                + "(e.g. Host=db;Database=hybridspa;Username=hybridspa; the password from user-secrets or the environment) — see docs/scale-out.md");
        }
        else if (!IsValidNpgsqlConnectionString(options.ConnectionString))
        {
            // The value is not echoed: it may hold a password.
            failures.Add("Cache:ConnectionString is not a valid Npgsql connection string — see docs/scale-out.md");
        }
    }

    private static void ValidateRedis(CacheOptions options, List<string> failures)
    {
        var configuration = options.Redis.Configuration;
        if (string.IsNullOrWhiteSpace(configuration))
        {
            failures.Add("Cache:Redis:Configuration is not set: Cache:Provider 'Redis' needs a StackExchange.Redis connection string "
                + "(e.g. redis.internal:6380,ssl=true; the password from user-secrets or the environment) — see docs/scale-out.md");
        }
        else if (RedisConfigurationFailure(configuration) is { } failure)
        {
            // The value is not echoed: it may hold a password.
            failures.Add($"Cache:Redis:Configuration is not a valid StackExchange.Redis connection string: {failure} — see docs/scale-out.md");
        }
    }

    private static string? RedisConfigurationFailure(string configuration)
    {
        try
        {
            return ConfigurationOptions.Parse(configuration).EndPoints.Count == 0 ? "it names no host:port" : null;
        }
        catch (ArgumentException)
        {
            // Its message quotes the offending part, which may be the password.
            return "it has an unknown or malformed option";
        }
    }

    private static string? LoadFailure(CertificateDescription description)
    {
        using var certificate = KeyRingCertificate.Load(description);
        return certificate is null ? "no certificate could be read from it (check SourceType, the path or value, and the password)"
            : certificate.HasPrivateKey ? null
            : "it has no private key, so it could not decrypt the keys it encrypts";
    }

    private static bool IsValidNpgsqlConnectionString(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
