namespace HybridSpa.Web.SharedState.Redis;

/// <summary>Where the shared state lives in Redis: every key starts with <c>HybridSpa:</c>, so the app can share a server.</summary>
public static class RedisKeys
{
    /// <summary>Prefix of the <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> entries (session and token cache), one hash each.</summary>
    public const string CachePrefix = "HybridSpa:cache:";

    /// <summary>The Data Protection key ring: one list of key XML elements, without expiry.</summary>
    public const string DataProtectionKeys = "HybridSpa:data-protection-keys";

    /// <summary>Prefix of the pending SPA-code hand-offs, one string each, expiring by themselves.</summary>
    public const string SpaCodePrefix = "HybridSpa:spa-code:";
}
