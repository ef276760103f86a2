namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>
/// One throwaway PostgreSQL cluster and one throwaway Redis server for every scale-out test class. The classes run one after
/// another, the two stores' too: each drives two app instances, up to fifty sign-ins at once, which is the machine's whole
/// capacity on two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedStoreTests : ICollectionFixture<PostgresCluster>, ICollectionFixture<RedisServer>
{
    public const string Name = "Shared stores";
}
