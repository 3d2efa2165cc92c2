using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Memory;
using Naviyam.Chat;
using Naviyam.Logging;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu;

/// <summary>
/// The NLU cache (the spec's L1): identical normalized messages ("배고파", "ㅇㅇ") are frequent, and their
/// analysis does not depend on the session, so it is computed once per silo.
/// </summary>
public sealed class CachedNlu(INluEngine engine, IMemoryCache cache, IMeterFactory meterFactory, NluPredictionLog predictions, TimeProvider time)
{
    private static readonly MemoryCacheEntryOptions EntryOptions = new()
    {
        Size = 1,
        SlidingExpiration = TimeSpan.FromMinutes(30),
    };

    private readonly Counter<long> hits = meterFactory.Create("Naviyam.Nlu").CreateCounter<long>("naviyam.nlu.cache.hits");
    private readonly Counter<long> misses = meterFactory.Create("Naviyam.Nlu").CreateCounter<long>("naviyam.nlu.cache.misses");
    private long hitCount;
    private long missCount;

    public string ModelVersion => engine.ModelVersion;

    public long Hits => Interlocked.Read(ref hitCount);

    public long Misses => Interlocked.Read(ref missCount);

    public NluResult Analyze(PreprocessedText text)
    {
        var key = (nameof(CachedNlu), text.Normalized, string.Join(',', text.Signals.Order(StringComparer.Ordinal)));
        if (cache.TryGetValue(key, out NluResult? cached) && cached is not null)
        {
            Interlocked.Increment(ref hitCount);
            hits.Add(1);
        }
        else
        {
            Interlocked.Increment(ref missCount);
            misses.Add(1);
            cached = engine.Analyze(text);
            cache.Set(key, cached, EntryOptions);
        }
        // Every prediction becomes training data, written later in batches: never on this turn's path.
        predictions.Record(new NluPrediction(text.Original, text.Normalized, cached, engine.ModelVersion, time.GetUtcNow()));
        return cached;
    }
}
