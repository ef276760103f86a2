using System.Globalization;

namespace HybridSpa.EntraEmulator.Graph;

/// <summary>The OData query options the Graph emulator understands: <c>$select</c>, <c>$top</c>, <c>$skip</c>, <c>$orderby</c>.</summary>
internal sealed record ODataQuery(IReadOnlyList<string> Select, bool IsSelected, int Top, int Skip, string? OrderBy, bool Descending)
{
    private const int MaxTop = 1000;
    private static readonly string[] Unsupported = ["$filter", "$search", "$expand"];

    /// <summary>Reads the query against an entity's properties; the error is Graph's message for the first bad option.</summary>
    public static (ODataQuery? Query, string? Error) Parse(IQueryCollection query, GraphEntityType type)
    {
        if (Unsupported.FirstOrDefault(query.ContainsKey) is { } unsupported)
        {
            return (null, $"The query option '{unsupported}' is not supported by the emulator.");
        }

        var selected = type.Properties;
        var select = query["$select"].ToString();
        if (select.Length > 0)
        {
            var requested = select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = requested.FirstOrDefault(name => type.Canonical(name) is null);
            if (unknown is not null || requested.Length == 0)
            {
                return (null, $"Could not find a property named '{Truncate(unknown ?? select)}' on type '{type.Name}'.");
            }

            selected = [.. requested.Select(name => type.Canonical(name)!).Distinct()];
        }

        var top = type.PageSize;
        if (query.ContainsKey("$top") && (!TryParseCount(query["$top"].ToString(), 1, out top) || top > MaxTop))
        {
            return (null, $"Invalid value '{Truncate(query["$top"].ToString())}' for $top query option found. The $top query option requires an integer between 1 and {MaxTop}.");
        }

        var skip = 0;
        if (query.ContainsKey("$skip") && !TryParseCount(query["$skip"].ToString(), 0, out skip))
        {
            return (null, $"Invalid value '{Truncate(query["$skip"].ToString())}' for $skip query option found. The $skip query option requires a non-negative integer value.");
        }

        string? orderBy = null;
        var descending = false;
        var orderByText = query["$orderby"].ToString();
        if (orderByText.Length > 0)
        {
            var parts = orderByText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            orderBy = type.Orderable.FirstOrDefault(p => p.Equals(parts[0], StringComparison.OrdinalIgnoreCase));
            var direction = parts.Length > 1 ? parts[1].ToLowerInvariant() : "asc";
            if (orderBy is null || parts.Length > 2 || direction is not ("asc" or "desc"))
            {
                return (null, $"The $orderby expression '{Truncate(orderByText)}' is not supported on type '{type.Name}'.");
            }

            descending = direction == "desc";
        }

        return (new ODataQuery(selected, select.Length > 0, top, skip, orderBy, descending), null);
    }

    private static bool TryParseCount(string value, int minimum, out int count) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= minimum;

    private static string Truncate(string value) => value.Length > 100 ? value[..100] : value;
}
