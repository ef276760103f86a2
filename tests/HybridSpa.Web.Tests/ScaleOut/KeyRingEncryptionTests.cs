using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HybridSpa.Web.Configuration;
using HybridSpa.Web.SharedState;
using HybridSpa.Web.SharedState.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary><c>Cache:KeyRingCertificates</c>: the shared key ring is encrypted at rest, and certificates can be rotated.</summary>
[Collection(PostgresTests.Name)]
public sealed class KeyRingEncryptionTests(PostgresCluster cluster)
{
    private static readonly string OldCertificate = NewCertificate("CN=HybridSpa key ring 2026");
    private static readonly string NewerCertificate = NewCertificate("CN=HybridSpa key ring 2027");

    [Fact]
    public async Task Keys_are_stored_encrypted_and_every_instance_with_the_certificate_reads_them()
    {
        var database = await cluster.CreateDatabaseAsync("keyring_" + Guid.NewGuid().ToString("N"));
        await using var stores = await PostgresStores.OpenAsync(database);
        await using var a = BuildInstance(database, OldCertificate);
        await using var b = BuildInstance(database, OldCertificate);

        var cookie = Protector(a).Protect("cookie");

        Assert.Equal("cookie", Protector(b).Unprotect(cookie));
        var xml = await stores.QueryAsync<string>($"SELECT string_agg(xml, '') FROM {PostgresSchema.DataProtectionKeysTable} WHERE friendly_name <> @id", "(none)");
        Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_certificate_an_instance_cannot_read_the_key_ring()
    {
        var database = await cluster.CreateDatabaseAsync("keyring_" + Guid.NewGuid().ToString("N"));
        await using var stores = await PostgresStores.OpenAsync(database);
        await using var withCertificate = BuildInstance(database, OldCertificate);
        await using var without = BuildInstance(database);

        var cookie = Protector(withCertificate).Protect("cookie");

        Assert.ThrowsAny<CryptographicException>(() => Protector(without).Unprotect(cookie));
    }

    [Fact]
    public async Task A_new_certificate_first_still_reads_keys_encrypted_with_the_old_one()
    {
        var database = await cluster.CreateDatabaseAsync("keyring_" + Guid.NewGuid().ToString("N"));
        await using var stores = await PostgresStores.OpenAsync(database);
        await using var before = BuildInstance(database, OldCertificate);
        var cookie = Protector(before).Protect("cookie");

        await using var after = BuildInstance(database, NewerCertificate, OldCertificate);

        Assert.Equal("cookie", Protector(after).Unprotect(cookie));
    }

    private static IDataProtector Protector(WebApplication instance) =>
        instance.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

    private static WebApplication BuildInstance(string connectionString, params string[] certificates)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var settings = new Dictionary<string, string?>
        {
            ["Cache:Provider"] = "Postgres",
            ["Cache:ConnectionString"] = connectionString,
        };
        for (var index = 0; index < certificates.Length; index++)
        {
            settings[$"Cache:KeyRingCertificates:{index}:SourceType"] = "Base64Encoded";
            settings[$"Cache:KeyRingCertificates:{index}:Base64EncodedValue"] = certificates[index];
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddHybridSpaConfiguration();
        builder.AddSharedState();
        return builder.Build();
    }

    private static string NewCertificate(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12));
    }
}
