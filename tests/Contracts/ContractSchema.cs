using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Json.Schema;

namespace HybridSpa.Tests.Contracts;

/// <summary>
/// One of contracts/*.schema.json, the server ↔ SPA contract's single source (docs/contracts.md), for the web tests and the
/// browser tests alike; validated with JsonSchema.Net.
/// </summary>
public sealed class ContractSchema
{
    public static readonly ContractSchema Bootstrap = new("bootstrap.schema.json");
    public static readonly ContractSchema SignOutAntiforgery = new("signout-antiforgery.schema.json");
    public static readonly ContractSchema SessionStatus = new("session-status.schema.json");

    private readonly JsonNode _text;
    private readonly JsonSchema _schema;

    private ContractSchema(string fileName)
    {
        _text = JsonNode.Parse(File.ReadAllText(Path.Combine(ContractsFolder(), fileName)))!;
        _schema = JsonSchema.FromText(_text.ToJsonString());
    }

    /// <summary>Every way <paramref name="json"/> breaks the schema, as "JSON pointer: error" lines (none when valid).</summary>
    public IReadOnlyList<string> ProblemsOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = _schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
    }

    /// <summary>
    /// What the schema says of each property, as "$.path: type|type" lines: the names, nesting and nullability a C# record
    /// serialized by System.Text.Json must have (compare with <see cref="ShapeOf"/>).
    /// </summary>
    public IReadOnlyList<string> Shape() => ShapeOfSchema(_text);

    /// <summary>The same lines for the schema System.Text.Json derives from <paramref name="type"/> with <paramref name="options"/>.</summary>
    public static IReadOnlyList<string> ShapeOf(Type type, JsonSerializerOptions options) =>
        ShapeOfSchema(options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true }));

    private static string ContractsFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var contracts = Path.Combine(folder.FullName, "contracts");
            if (File.Exists(Path.Combine(contracts, "bootstrap.schema.json")))
            {
                return contracts;
            }
        }

        throw new InvalidOperationException("contracts/ not found above " + AppContext.BaseDirectory);
    }

    private static List<string> ShapeOfSchema(JsonNode schema)
    {
        var lines = new List<string>();
        Walk(schema, "$", lines);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static void Walk(JsonNode schema, string path, List<string> lines)
    {
        var type = schema["type"];
        var types = type is JsonArray many ? many.Select(t => t!.GetValue<string>()) : [type!.GetValue<string>()];
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {string.Join('|', types.Order(StringComparer.Ordinal))}"));
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            Walk(property!, $"{path}.{name}", lines);
        }

        if (schema["items"] is { } items)
        {
            Walk(items, path + "[]", lines);
        }
    }
}
