using HybridSpa.Benchmarks;

// A small dispatcher: each benchmark registers a name here; run one with `-- <name> [options]`.
var benchmarks = new Dictionary<string, Func<string[], Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["emulator"] = EmulatorTokenEndpointBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/HybridSpa.Benchmarks -- <{string.Join('|', benchmarks.Keys)}> [options]");
    return 2;
}

await run(args[1..]).ConfigureAwait(false);
return 0;
