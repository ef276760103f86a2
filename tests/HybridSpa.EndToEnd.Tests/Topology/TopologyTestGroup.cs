namespace HybridSpa.EndToEnd.Tests.Topology;

/// <summary>The Topology test classes share one running topology and run one after another (they stop and start its processes).</summary>
[CollectionDefinition(Name)]
public sealed class TopologyTestGroup : ICollectionFixture<TopologyDeployment>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Topology";
}
