using NJsonSchema;
using NJsonSchema.CodeGeneration.CSharp;

namespace HybridSpa.ContractRecords;

/// <summary>
/// One schema of contracts/ and the C# it gives: records (value equality, <c>with</c>) with a JSON constructor, System.Text.Json
/// attributes that name each property as the schema does, nullable where the schema allows null, arrays as read-only lists.
/// </summary>
/// <param name="SchemaPath">The schema file.</param>
/// <param name="Namespace">The namespace of the records (the feature folder that sends them).</param>
/// <param name="RootType">The name of the record the whole document is.</param>
/// <param name="NestedTypes">Names for the records of nested objects, by the property that holds them (else the property's name).</param>
public sealed record ContractRecordsFile(string SchemaPath, string Namespace, string RootType, IReadOnlyDictionary<string, string> NestedTypes)
{
    /// <summary>Reads the command line's form: <paramref name="nestedTypes"/> is "property=Type,…", or "-" for none.</summary>
    public static ContractRecordsFile Parse(string schemaPath, string @namespace, string rootType, string nestedTypes) =>
        new(schemaPath, @namespace, rootType, nestedTypes == "-"
            ? new Dictionary<string, string>()
            : nestedTypes.Split(',').Select(pair => pair.Split('=')).ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase));

    /// <summary>The C# file's text.</summary>
    public async Task<string> GenerateAsync()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var names = new NamedNestedTypes(NestedTypes);
        var settings = new CSharpGeneratorSettings
        {
            Namespace = Namespace,
            JsonLibrary = CSharpJsonLibrary.SystemTextJson,
            ClassStyle = CSharpClassStyle.Record,
            GenerateNativeRecords = true,
            GenerateNullableReferenceTypes = true,
            ArrayType = "System.Collections.Generic.IReadOnlyList",
            GenerateDataAnnotations = false,
            GenerateDefaultValues = false,
            TypeNameGenerator = names,
        };
        var code = new CSharpGenerator(schema, settings).GenerateFile(RootType);
        var unused = NestedTypes.Keys.Where(property => !names.Used.Contains(property)).ToList();
        return unused.Count == 0
            ? code
            : throw new InvalidOperationException($"NestedTypeNames names {string.Join(", ", unused)}, which is no object property of the schema.");
    }

    // NJsonSchema names a nested object's class after its property, as a hint "SignOut" for "signOut"; the web app's names say more.
    private sealed class NamedNestedTypes(IReadOnlyDictionary<string, string> names) : DefaultTypeNameGenerator
    {
        public HashSet<string> Used { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override string Generate(JsonSchema schema, string? typeNameHint, IEnumerable<string> reservedTypeNames)
        {
            if (typeNameHint is not null && names.TryGetValue(typeNameHint, out var name))
            {
                Used.Add(typeNameHint);
                return name;
            }

            return base.Generate(schema, typeNameHint, reservedTypeNames);
        }
    }
}
