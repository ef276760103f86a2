namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>One throwaway Redis server for every Redis scale-out test class; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RedisTests : ICollectionFixture<RedisServer>
{
    public const string Name = "Redis";
}
