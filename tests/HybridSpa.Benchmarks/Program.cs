using HybridSpa.Benchmarks;
using HybridSpa.Benchmarks.Browser;
using HybridSpa.Benchmarks.Reporting;
using HybridSpa.Benchmarks.Server;

// A small dispatcher: each benchmark registers a name here; `all` runs them in the order of docs/benchmarks.md and prints
// one table. Run one with `dotnet run -c Release --project tests/HybridSpa.Benchmarks -- <name> [options]`.
var benchmarks = new Dictionary<string, Func<BenchmarkArguments, Task<IReadOnlyList<ResultRow>>>>(StringComparer.OrdinalIgnoreCase)
{
    ["browser"] = FirstTokenBenchmark.RunAsync,
    ["callback"] = CallbackCostBenchmark.RunAsync,
    ["throughput"] = PageThroughputBenchmark.RunAsync,
    ["emulator"] = EmulatorTokenEndpointBenchmark.RunAsync,
    ["memory"] = SignedInMemoryBenchmark.RunAsync,
    ["telemetry"] = TelemetryCostBenchmark.RunAsync,
    ["topology"] = TopologyCapacityBenchmark.RunAsync,
};

var names = args.Length > 0 && args[0].Equals("all", StringComparison.OrdinalIgnoreCase) ? [.. benchmarks.Keys] : args.Take(1).ToArray();
if (names.Length == 0 || !names.All(benchmarks.ContainsKey))
{
    Console.Error.WriteLine($"usage: dotnet run -c Release --project tests/HybridSpa.Benchmarks -- <all|{string.Join('|', benchmarks.Keys)}> [options]");
    return 2;
}

// WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the current directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var arguments = new BenchmarkArguments(args[1..]);
var rows = new List<ResultRow>();
foreach (var name in names)
{
    rows.AddRange(await benchmarks[name](arguments).ConfigureAwait(false));
}

Console.WriteLine();
Console.WriteLine(MachineDescription.Describe());
Console.WriteLine();
Console.Write(ResultTable.Format(rows));
return 0;
