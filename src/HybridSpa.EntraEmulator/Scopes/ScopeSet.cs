namespace HybridSpa.EntraEmulator.Scopes;

/// <summary>
/// A requested scope string as an unordered set: OIDC scopes plus Graph permissions. Graph permissions are kept both
/// canonical (for consent checks) and in the form they were requested (Entra echoes that form).
/// </summary>
internal sealed class ScopeSet
{
    public ScopeSet(IEnumerable<string> oidc, IEnumerable<GraphScope> graph, bool isDefault)
    {
        Oidc = new HashSet<string>(oidc, StringComparer.OrdinalIgnoreCase);
        Graph = [.. graph.DistinctBy(s => s.Name, StringComparer.OrdinalIgnoreCase)];
        IsDefault = isDefault;
    }

    public IReadOnlySet<string> Oidc { get; }

    public IReadOnlyList<GraphScope> Graph { get; }

    /// <summary>The request used <c>.default</c>: every permission already granted.</summary>
    public bool IsDefault { get; }

    public bool Has(string oidcScope) => Oidc.Contains(oidcScope);

    /// <summary>The requested identity scopes in the order Entra lists them ("profile openid email"); never offline_access.</summary>
    public IEnumerable<string> IdentityScopesInEntraOrder => new[] { OidcScopes.Profile, OidcScopes.OpenId, OidcScopes.Email }.Where(Has);

    public IEnumerable<string> GraphNames => Graph.Select(s => s.Name);

    /// <summary>Everything that needs consent: Graph permissions plus OIDC scopes other than offline_access.</summary>
    public IEnumerable<string> ConsentableNames => GraphNames.Concat(Oidc.Where(s => !s.Equals(OidcScopes.OfflineAccess, StringComparison.OrdinalIgnoreCase)));

    public ScopeSet WithGraph(IEnumerable<GraphScope> graph) => new(Oidc, graph, isDefault: false);
}

/// <summary>One Graph permission: canonical name (e.g. User.Read) and the form the client used (e.g. https://graph.microsoft.com/User.Read).</summary>
internal sealed record GraphScope(string Name, string AsRequested);
