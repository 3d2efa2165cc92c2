using System.Diagnostics.Metrics;

namespace Naviyam.Embeddings;

/// <summary>
/// Hit and miss counts of one cache, per level (l1 = this silo's memory, l3 = MySQL), published as
/// <c>naviyam.{name}.hits</c> / <c>.misses</c> on the <c>Naviyam.Embeddings</c> meter with a <c>level</c> tag, and kept
/// as totals for tests and reports.
/// </summary>
public sealed class CacheCounters
{
    public const string MeterName = "Naviyam.Embeddings";

    private readonly Counter<long> hits;
    private readonly Counter<long> misses;
    private long l1Hits;
    private long l3Hits;
    private long allMisses;

    public CacheCounters(IMeterFactory meterFactory, string name)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        hits = meter.CreateCounter<long>($"naviyam.{name}.hits", description: "Lookups answered from the cache, by level");
        misses = meter.CreateCounter<long>($"naviyam.{name}.misses", description: "Lookups that had to compute the value");
    }

    public long L1Hits => Interlocked.Read(ref l1Hits);

    public long L3Hits => Interlocked.Read(ref l3Hits);

    public long Misses => Interlocked.Read(ref allMisses);

    /// <summary>Share of lookups answered by either level (0 before the first lookup).</summary>
    public double HitRate => (L1Hits + L3Hits) is var hit && hit + Misses is > 0 and var all ? (double)hit / all : 0;

    public void L1Hit(long count = 1)
    {
        Interlocked.Add(ref l1Hits, count);
        hits.Add(count, new KeyValuePair<string, object?>("level", "l1"));
    }

    public void L3Hit(long count = 1)
    {
        Interlocked.Add(ref l3Hits, count);
        hits.Add(count, new KeyValuePair<string, object?>("level", "l3"));
    }

    public void Miss(long count = 1)
    {
        Interlocked.Add(ref allMisses, count);
        misses.Add(count);
    }
}
