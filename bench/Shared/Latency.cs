using System.Diagnostics;
using HdrHistogram;

namespace Naviyam.Bench;

/// <summary>
/// An HdrHistogram of durations in <see cref="Stopwatch"/> ticks (1 µs to 1 minute, 3 significant digits).
/// Empty histograms answer NaN. Not thread-safe: give each worker its own and <see cref="Merge"/> them.
/// </summary>
public sealed class Latency
{
    private static readonly long MaxTicks = Stopwatch.Frequency * 60;
    private readonly LongHistogram histogram = new(1, MaxTicks, 3);

    public long Count => histogram.TotalCount;

    public void Record(long elapsedTicks) => histogram.RecordValue(Math.Clamp(elapsedTicks, 1, MaxTicks));

    public void RecordMicros(double micros) => Record((long)(micros * Stopwatch.Frequency / 1_000_000.0));

    public void Merge(Latency other) => histogram.Add(other.histogram);

    public double PercentileMicros(double percentile) => histogram.TotalCount == 0 ? double.NaN : ToMicros(histogram.GetValueAtPercentile(percentile));

    public double MeanMicros => histogram.TotalCount == 0 ? double.NaN : ToMicros(histogram.GetMean());

    public double MaxMicros => histogram.TotalCount == 0 ? double.NaN : ToMicros(histogram.GetMaxValue());

    public static double ToMicros(double ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    public static Latency MergeAll(IEnumerable<Latency> parts)
    {
        var all = new Latency();
        foreach (var part in parts)
        {
            all.Merge(part);
        }
        return all;
    }
}
