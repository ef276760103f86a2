using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>
/// <c>Cache:KeyRingCertificates</c>: the shared key ring is encrypted at rest, and certificates can be rotated. One test body
/// for every store (<see cref="PostgresKeyRingEncryptionTests"/>, <see cref="RedisKeyRingEncryptionTests"/>).
/// </summary>
public abstract class KeyRingEncryptionTests(ISharedStoreServer server)
{
    private static readonly string OldCertificate = NewCertificate("CN=HybridSpa key ring 2026");
    private static readonly string NewerCertificate = NewCertificate("CN=HybridSpa key ring 2027");

    [Fact]
    public async Task Keys_are_stored_encrypted_and_every_instance_with_the_certificate_reads_them()
    {
        var store = await server.CreateIsolatedStoreAsync();
        await using var a = SharedStateHost.Build(store, OldCertificate);
        await using var b = SharedStateHost.Build(store, OldCertificate);

        var cookie = Protector(a).Protect("cookie");

        Assert.Equal("cookie", Protector(b).Unprotect(cookie));
        var xml = await server.ReadStoredKeyRingAsync(store);
        Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_certificate_an_instance_cannot_read_the_key_ring()
    {
        var store = await server.CreateIsolatedStoreAsync();
        await using var withCertificate = SharedStateHost.Build(store, OldCertificate);
        await using var without = SharedStateHost.Build(store);

        var cookie = Protector(withCertificate).Protect("cookie");

        Assert.ThrowsAny<CryptographicException>(() => Protector(without).Unprotect(cookie));
    }

    [Fact]
    public async Task A_new_certificate_first_still_reads_keys_encrypted_with_the_old_one()
    {
        var store = await server.CreateIsolatedStoreAsync();
        await using var before = SharedStateHost.Build(store, OldCertificate);
        var cookie = Protector(before).Protect("cookie");

        await using var after = SharedStateHost.Build(store, NewerCertificate, OldCertificate);

        Assert.Equal("cookie", Protector(after).Unprotect(cookie));
    }

    private static IDataProtector Protector(WebApplication instance) =>
        instance.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

    private static string NewCertificate(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12));
    }
}

/// <summary>The encrypted key ring in PostgreSQL.</summary>
[Collection(SharedStoreTests.Name)]
public sealed class PostgresKeyRingEncryptionTests(PostgresCluster cluster) : KeyRingEncryptionTests(cluster);

/// <summary>The encrypted key ring in Redis (<c>PersistKeysToStackExchangeRedis</c>).</summary>
[Collection(SharedStoreTests.Name)]
public sealed class RedisKeyRingEncryptionTests(RedisServer server) : KeyRingEncryptionTests(server);
