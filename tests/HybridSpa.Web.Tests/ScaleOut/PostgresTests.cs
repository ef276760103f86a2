namespace HybridSpa.Web.Tests.ScaleOut;

/// <summary>One throwaway PostgreSQL cluster for every scale-out test class; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
