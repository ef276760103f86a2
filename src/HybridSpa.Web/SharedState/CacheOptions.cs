using Microsoft.Identity.Web;
using HybridSpa.Web.SharedState.Redis;

namespace HybridSpa.Web.SharedState;

/// <summary>The <c>Cache</c> section: which store holds the state that every instance must see.</summary>
public sealed class CacheOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Cache";

    /// <summary>The store; <see cref="CacheProvider.Memory"/> unless configured.</summary>
    public CacheProvider Provider { get; set; } = CacheProvider.Memory;

    /// <summary>The Npgsql connection string (required for <see cref="CacheProvider.Postgres"/>); keep the password out of appsettings.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The <c>Cache:Redis</c> section (required for <see cref="CacheProvider.Redis"/>).</summary>
    public RedisConnectionOptions Redis { get; } = new();

    /// <summary>Create the tables at startup if missing; turn off when a DBA runs docs/scale-out.md's script and the app's role has no DDL rights.</summary>
    public bool CreateSchema { get; set; } = true;

    /// <summary>How often expired cache rows and SPA-code hand-offs are deleted (PostgreSQL; Redis expires keys itself).</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Certificates that encrypt the shared Data Protection key ring at rest (<see cref="CacheProvider.Postgres"/> and
    /// <see cref="CacheProvider.Redis"/>): the first encrypts new keys, every one of them decrypts, so a new certificate can go
    /// first while the old one still reads older keys. Without any, the keys sit in the store in the clear and anyone who can
    /// read it can forge cookies.
    /// </summary>
    public IList<CertificateDescription> KeyRingCertificates { get; } = [];
}
