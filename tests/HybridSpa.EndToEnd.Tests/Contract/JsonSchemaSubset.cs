using System.Globalization;
using System.Text.Json;

namespace HybridSpa.EndToEnd.Tests.Contract;

/// <summary>
/// A JSON Schema (2020-12) validator for the keywords contracts/bootstrap.schema.json uses: type, properties, required,
/// additionalProperties: false, items, minLength, minItems (title, description and $schema are annotations). A schema with
/// any other keyword is refused, so the contract cannot grow a rule that this check would silently skip.
/// </summary>
public static class JsonSchemaSubset
{
    private static readonly HashSet<string> Annotations = ["$schema", "title", "description"];
    private static readonly HashSet<string> Assertions = ["type", "properties", "required", "additionalProperties", "items", "minLength", "minItems"];

    /// <summary>Every way <paramref name="instance"/> breaks <paramref name="schema"/>, as "path: problem" lines (none when valid).</summary>
    public static IReadOnlyList<string> Validate(JsonElement instance, JsonElement schema)
    {
        var problems = new List<string>();
        Validate(instance, schema, "$", problems);
        return problems;
    }

    private static void Validate(JsonElement instance, JsonElement schema, string path, List<string> problems)
    {
        foreach (var keyword in schema.EnumerateObject().Select(p => p.Name).Where(k => !Annotations.Contains(k) && !Assertions.Contains(k)))
        {
            throw new NotSupportedException($"The schema at {path} uses '{keyword}', which this validator does not check.");
        }

        if (schema.TryGetProperty("type", out var type) && !TypesOf(type).Contains(TypeOf(instance)))
        {
            problems.Add($"{path}: is {TypeOf(instance)}, expected {string.Join(" or ", TypesOf(type))}");
            return;
        }

        switch (instance.ValueKind)
        {
            case JsonValueKind.Object:
                ValidateObject(instance, schema, path, problems);
                break;
            case JsonValueKind.Array:
                if (schema.TryGetProperty("minItems", out var minItems) && instance.GetArrayLength() < minItems.GetInt32())
                {
                    problems.Add($"{path}: has {instance.GetArrayLength()} items, at least {minItems.GetInt32()} expected");
                }

                if (schema.TryGetProperty("items", out var items))
                {
                    var index = 0;
                    foreach (var item in instance.EnumerateArray())
                    {
                        Validate(item, items, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), problems);
                    }
                }

                break;
            case JsonValueKind.String:
                if (schema.TryGetProperty("minLength", out var minLength) && instance.GetString()!.Length < minLength.GetInt32())
                {
                    problems.Add($"{path}: is shorter than {minLength.GetInt32()}");
                }

                break;
        }
    }

    private static void ValidateObject(JsonElement instance, JsonElement schema, string path, List<string> problems)
    {
        var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
        foreach (var required in schema.TryGetProperty("required", out var names) ? names.EnumerateArray().Select(n => n.GetString()!) : [])
        {
            if (!instance.TryGetProperty(required, out _))
            {
                problems.Add($"{path}.{required}: is missing");
            }
        }

        foreach (var property in instance.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Validate(property.Value, propertySchema, $"{path}.{property.Name}", problems);
            }
            else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
            {
                problems.Add($"{path}.{property.Name}: is not in the schema");
            }
        }
    }

    private static string[] TypesOf(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];

    private static string TypeOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
