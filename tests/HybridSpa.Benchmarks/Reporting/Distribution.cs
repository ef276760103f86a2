using System.Globalization;

namespace HybridSpa.Benchmarks.Reporting;

/// <summary>Order statistics of a set of samples (nearest-rank percentiles, no interpolation).</summary>
internal sealed class Distribution
{
    private readonly double[] sorted;

    public Distribution(IEnumerable<double> samples)
    {
        sorted = [.. samples.Order()];
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No samples.", nameof(samples));
        }
    }

    public int Count => sorted.Length;

    public double Median => Percentile(50);

    public double Percentile(double percent) => sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>"median 12.3 ms, p90 15.0 ms (n=20)".</summary>
    public string Describe(string unit, params int[] percentiles) =>
        string.Create(CultureInfo.InvariantCulture, $"median {Median:0.0} {unit}")
        + string.Concat(percentiles.Select(p => string.Create(CultureInfo.InvariantCulture, $", p{p} {Percentile(p):0.0} {unit}")))
        + $" (n={Count})";
}
