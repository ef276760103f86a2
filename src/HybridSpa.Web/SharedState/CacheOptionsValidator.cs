using HybridSpa.Web.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

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

        if (options.Provider == CacheProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                failures.Add("Cache:ConnectionString is not set: Cache:Provider 'Postgres' needs an Npgsql connection string "
                    + "(e.g. Host=db;Database=hybridspa;Username=hybridspa; the password from user-secrets or the environment) — see docs/scale-out.md");
            }
            else if (!IsValidConnectionString(options.ConnectionString))
            {
                // The value is not echoed: it may hold a password.
                failures.Add("Cache:ConnectionString is not a valid Npgsql connection string — see docs/scale-out.md");
            }

            for (var index = 0; index < options.KeyRingCertificates.Count; index++)
            {
                if (LoadFailure(options.KeyRingCertificates[index]) is { } failure)
                {
                    failures.Add($"Cache:KeyRingCertificates:{index} cannot be loaded: {failure} — see docs/scale-out.md");
                }
            }
        }
        else if (options.KeyRingCertificates.Count > 0)
        {
            failures.Add("Cache:KeyRingCertificates is set but Cache:Provider is not 'Postgres': only the shared key ring is encrypted with them — see docs/scale-out.md");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? LoadFailure(CertificateDescription description)
    {
        try
        {
            using var certificate = CertificateLoader.Load(description);
            return certificate.HasPrivateKey ? null : "it has no private key, so it could not decrypt the keys it encrypts";
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message;
        }
    }

    private static bool IsValidConnectionString(string connectionString)
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
