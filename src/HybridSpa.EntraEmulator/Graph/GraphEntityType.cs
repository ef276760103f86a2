namespace HybridSpa.EntraEmulator.Graph;

/// <summary>A Graph entity type as the emulator serves it: its name, its default properties in Graph's order, and its query rules.</summary>
/// <param name="Name">The OData type name used in error messages, e.g. microsoft.graph.message.</param>
/// <param name="Properties">The default properties, in the order Graph writes them.</param>
/// <param name="AlwaysIncluded">Properties Graph writes even when <c>$select</c> leaves them out (Outlook's <c>@odata.etag</c> and <c>id</c>).</param>
/// <param name="Orderable">Properties <c>$orderby</c> accepts.</param>
/// <param name="PageSize">Items per page without <c>$top</c>.</param>
/// <param name="ParseErrorCode">The error code Graph uses for a query it cannot parse on this type.</param>
internal sealed record GraphEntityType(
    string Name, IReadOnlyList<string> Properties, IReadOnlyList<string> AlwaysIncluded, IReadOnlyList<string> Orderable, int PageSize, string ParseErrorCode)
{
    public string? Canonical(string name) => Properties.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The item with only what the query selected (plus what Graph always writes), in Graph's order.</summary>
    public Dictionary<string, object?> Project(Dictionary<string, object?> item, ODataQuery query)
    {
        var projected = new Dictionary<string, object?>();
        foreach (var (name, value) in item)
        {
            if (AlwaysIncluded.Contains(name) || query.Select.Contains(name))
            {
                projected[name] = value;
            }
        }

        return projected;
    }
}
