using HybridSpa.ContractRecords;

// Usage: HybridSpa.ContractRecords <output folder> (<schema> <namespace> <root type> <property=type,…|->)…
// One C# file per schema, named after it; ContractRecords.targets passes each ContractSchema item of the web project.
if (args.Length < 5 || (args.Length - 1) % 4 != 0)
{
    await Console.Error.WriteLineAsync("usage: HybridSpa.ContractRecords <output folder> (<schema> <namespace> <root type> <property=type,…|->)…");
    return 2;
}

Directory.CreateDirectory(args[0]);
for (var i = 1; i < args.Length; i += 4)
{
    var contract = ContractRecordsFile.Parse(args[i], args[i + 1], args[i + 2], args[i + 3]);
    var target = Path.Combine(args[0], Path.GetFileNameWithoutExtension(contract.SchemaPath) + ".g.cs");
    try
    {
        await File.WriteAllTextAsync(target, await contract.GenerateAsync());
    }
    catch (Exception e) when (e is IOException or InvalidOperationException or Newtonsoft.Json.JsonException)
    {
        // MSBuild's canonical error form, so the build's error list names the schema.
        await Console.Error.WriteLineAsync($"{contract.SchemaPath}: error CONTRACT1: {e.Message}");
        return 1;
    }
}

return 0;
