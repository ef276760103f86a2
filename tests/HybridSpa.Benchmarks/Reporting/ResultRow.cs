namespace HybridSpa.Benchmarks.Reporting;

/// <summary>One line of the final table: which item of docs/benchmarks.md, what was measured, and the result.</summary>
internal sealed record ResultRow(string Item, string Measure, string Result);
