using System.Text;

namespace HybridSpa.Benchmarks.Reporting;

/// <summary>Prints rows as the Markdown table docs/benchmarks.md holds.</summary>
internal static class ResultTable
{
    public static string Format(IReadOnlyList<ResultRow> rows)
    {
        var table = new StringBuilder();
        table.AppendLine("| # | measure | result |").AppendLine("| --- | --- | --- |");
        foreach (var row in rows)
        {
            table.AppendLine($"| {row.Item} | {row.Measure} | {row.Result} |");
        }

        return table.ToString();
    }
}
