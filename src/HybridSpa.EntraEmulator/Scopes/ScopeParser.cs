using HybridSpa.EntraEmulator.Errors;

namespace HybridSpa.EntraEmulator.Scopes;

/// <summary>Parses a space-separated scope parameter; an unknown scope or a resource other than Graph is AADSTS70011.</summary>
internal static class ScopeParser
{
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    public const string GraphAppIdUri = "https://graph.microsoft.com";
    private const string DefaultScope = ".default";
    private static readonly string[] GraphPrefixes = [GraphAppIdUri + "/", GraphAppId + "/"];

    public static (ScopeSet? Scopes, AadstsError? Error) Parse(string? scope, IReadOnlyCollection<string> knownGraphScopes)
    {
        var oidc = new List<string>();
        var graph = new List<GraphScope>();
        var isDefault = false;
        foreach (var item in (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (OidcScopes.All.Contains(item))
            {
                oidc.Add(item.ToLowerInvariant());
                continue;
            }

            var name = StripGraphPrefix(item);
            if (name.Equals(DefaultScope, StringComparison.Ordinal) && !ReferenceEquals(name, item))
            {
                isDefault = true;
                continue;
            }

            // UNCONFIRMED: resources other than Graph are rejected with 70011 (the emulator hosts no other API).
            var known = knownGraphScopes.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                return (null, AadstsErrors.InvalidScope(item.Length > 200 ? item[..200] : item));
            }

            graph.Add(new GraphScope(known, ReferenceEquals(name, item) ? known : item));
        }

        return (new ScopeSet(oidc, graph, isDefault), null);
    }

    private static string StripGraphPrefix(string item)
    {
        foreach (var prefix in GraphPrefixes)
        {
            if (item.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return item[prefix.Length..];
            }
        }

        return item;
    }
}
