using Microsoft.Identity.Web;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HybridSpa.Web.Configuration;
using HybridSpa.Web.SharedState;
using HybridSpa.Web.SharedState.Postgres;
using HybridSpa.Web.Tests.Infrastructure;

namespace HybridSpa.Web.Tests.SharedState;

public sealed class CacheOptionsValidatorTests
{
    [Fact]
    public void Memory_needs_nothing_else()
    {
        Assert.True(new CacheOptionsValidator().Validate(null, new CacheOptions()).Succeeded);
    }

    [Fact]
    public void Postgres_without_a_connection_string_fails_naming_the_key_and_the_doc()
    {
        var result = new CacheOptionsValidator().Validate(null, new CacheOptions { Provider = CacheProvider.Postgres });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Cache:ConnectionString is not set", StringComparison.Ordinal) && f.EndsWith("see docs/scale-out.md", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_connection_string_is_rejected_without_echoing_it()
    {
        var result = new CacheOptionsValidator().Validate(null, new CacheOptions { Provider = CacheProvider.Postgres, ConnectionString = "Host=db;Pasword=hunter2" });

        Assert.True(result.Failed);
        Assert.DoesNotContain(result.Failures!, f => f.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void Redis_without_a_configuration_fails_naming_the_key_and_the_doc()
    {
        var result = new CacheOptionsValidator().Validate(null, new CacheOptions { Provider = CacheProvider.Redis });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Cache:Redis:Configuration is not set", StringComparison.Ordinal) && f.EndsWith("see docs/scale-out.md", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("redis:6379,pasword=hunter2")]
    [InlineData("password=hunter2,ssl=true")]
    public void An_invalid_redis_configuration_is_rejected_without_echoing_it(string configuration)
    {
        var options = new CacheOptions { Provider = CacheProvider.Redis };
        options.Redis.Configuration = configuration;

        var result = new CacheOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Cache:Redis:Configuration is not a valid StackExchange.Redis connection string", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures!, f => f.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_production_redis_configuration_with_tls_is_accepted()
    {
        var options = new CacheOptions { Provider = CacheProvider.Redis };
        options.Redis.Configuration = "redis.internal:6380,ssl=true,sslHost=redis.internal,password=from-the-environment,connectTimeout=5000,asyncTimeout=5000";

        Assert.True(new CacheOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void The_cleanup_interval_must_be_positive()
    {
        var result = new CacheOptionsValidator().Validate(null, new CacheOptions { CleanupInterval = TimeSpan.Zero });

        Assert.Contains(result.Failures!, f => f.StartsWith("Cache:CleanupInterval must be positive", StringComparison.Ordinal));
    }

    [Fact]
    public void The_documented_schema_script_is_the_one_the_app_runs()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "scale-out.md")).ReplaceLineEndings("\n");

        Assert.Contains(PostgresSchema.CreateScript.ReplaceLineEndings("\n"), doc, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CacheProvider.Postgres)]
    [InlineData(CacheProvider.Redis)]
    public void A_key_ring_certificate_that_cannot_be_loaded_stops_startup_naming_the_entry(CacheProvider provider)
    {
        var options = new CacheOptions { Provider = provider, ConnectionString = "Host=db;Database=hybridspa" };
        options.Redis.Configuration = "redis:6379";
        options.KeyRingCertificates.Add(new CertificateDescription { SourceType = CertificateSource.Base64Encoded, Base64EncodedValue = "not base64!" });

        var result = new CacheOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Cache:KeyRingCertificates:0 cannot be loaded", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_ring_certificate_without_a_private_key_is_refused()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest(
            "CN=public only", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
        var options = new CacheOptions { Provider = CacheProvider.Postgres, ConnectionString = "Host=db;Database=hybridspa" };
        options.KeyRingCertificates.Add(new CertificateDescription
        {
            SourceType = CertificateSource.Base64Encoded,
            Base64EncodedValue = Convert.ToBase64String(publicOnly.Export(X509ContentType.Pkcs12)),
        });

        var result = new CacheOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains("no private key", StringComparison.Ordinal));
    }

    [Fact]
    public void Key_ring_certificates_without_the_shared_key_ring_are_a_configuration_mistake()
    {
        var options = new CacheOptions();
        options.KeyRingCertificates.Add(new CertificateDescription { SourceType = CertificateSource.Path, CertificateDiskPath = "/keys/ring.pfx" });

        var result = new CacheOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("Cache:KeyRingCertificates is set but Cache:Provider is 'Memory'", StringComparison.Ordinal));
    }
}
