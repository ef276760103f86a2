using System.Globalization;

namespace HybridSpa.Benchmarks;

/// <summary>Reads <c>--name value</c> options with defaults.</summary>
internal sealed class BenchmarkArguments(string[] args)
{
    public int Int(string name, int fallback)
    {
        var index = Array.IndexOf(args, "--" + name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    public string String(string name, string fallback)
    {
        var index = Array.IndexOf(args, "--" + name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
