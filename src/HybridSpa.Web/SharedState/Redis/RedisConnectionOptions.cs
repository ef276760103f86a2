namespace HybridSpa.Web.SharedState.Redis;

/// <summary>The <c>Cache:Redis</c> section: how every instance reaches the one Redis they share.</summary>
public sealed class RedisConnectionOptions
{
    /// <summary>
    /// A StackExchange.Redis connection string, e.g. <c>redis.internal:6380,ssl=true,password=…</c>; keep the password out of
    /// appsettings. <c>abortConnect</c> is always false here: an instance starts while Redis is down and connects once it answers.
    /// </summary>
    public string? Configuration { get; set; }
}
