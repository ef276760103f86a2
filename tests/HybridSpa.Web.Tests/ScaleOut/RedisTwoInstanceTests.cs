namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>The scale-out journey on Redis (append-only persistence on, as docs/scale-out.md requires).</summary>
[Collection(SharedStoreTests.Name)]
public sealed class RedisTwoInstanceTests(RedisServer server) : TwoInstanceTests(server);
