using System.Text.Json;
using System.Text.Json.Serialization;
using Naviyam.Bench;
using Naviyam.Chat;

namespace Naviyam.LoadTest;

/// <summary>The reply as a client reads it off the wire (the gateway's JSON contract).</summary>
public sealed record WireReply(
    string TurnId,
    string Reply,
    string Intent,
    JsonElement Recommendations,
    WireTimings? Timings);

public sealed record WireTimings(
    [property: JsonPropertyName("preprocess_us")] long PreprocessMicros,
    [property: JsonPropertyName("context_us")] long ContextMicros,
    [property: JsonPropertyName("nlu_us")] long NluMicros,
    [property: JsonPropertyName("retrieval_us")] long RetrievalMicros,
    [property: JsonPropertyName("ranking_us")] long RankingMicros,
    [property: JsonPropertyName("coupons_us")] long CouponMicros,
    [property: JsonPropertyName("reply_us")] long ReplyMicros,
    [property: JsonPropertyName("logging_us")] long LoggingMicros,
    [property: JsonPropertyName("total_us")] long TotalMicros,
    [property: JsonPropertyName("cpu_ns")] WireStageCosts? CpuNanos = null,
    [property: JsonPropertyName("alloc_bytes")] WireStageCosts? AllocatedBytes = null)
{
    public static WireTimings From(TurnTimings t) => new(
        t.PreprocessMicros, t.ContextMicros, t.NluMicros, t.RetrievalMicros, t.RankingMicros, t.CouponMicros,
        t.ReplyMicros, t.LoggingMicros, t.TotalMicros, WireStageCosts.From(t.CpuNanos), WireStageCosts.From(t.AllocatedBytes));
}

/// <summary>One number per stage the pipeline meters on the turn's own thread (null: not measured that turn).</summary>
public sealed record WireStageCosts(
    [property: JsonPropertyName("preprocess")] long? Preprocess,
    [property: JsonPropertyName("nlu")] long? Nlu,
    [property: JsonPropertyName("retrieval")] long? Retrieval,
    [property: JsonPropertyName("coupons")] long? Coupons,
    [property: JsonPropertyName("reply")] long? Reply)
{
    public static WireStageCosts? From(TurnTimings.StageCosts? c) => c is null ? null : new(c.Preprocess, c.Nlu, c.Retrieval, c.Coupons, c.Reply);

    public long? this[int stage] => stage switch { 0 => Preprocess, 1 => Nlu, 2 => Retrieval, 3 => Coupons, _ => Reply };
}

/// <summary>The echo endpoints return the request they were given.</summary>
public sealed record WireRequest(string? SessionId, string? Text, string? TurnId, WireLocation? Location, int? UserAge);

public sealed record WireLocation(double Lat, double Lng);

/// <summary>
/// Sums of the per-stage timings a run's replies reported (µs), to tell where a turn's time goes; the metered stages'
/// thread CPU and allocations; and the retrieval stage's wall-time distribution (for its p99).
/// </summary>
public sealed class StageTotals
{
    public static readonly string[] Names = ["preprocess", "context", "nlu", "retrieval", "ranking", "coupons", "reply", "logging", "total"];

    /// <summary>The stages the pipeline meters (thread CPU, bytes), in <see cref="WireStageCosts"/>' order.</summary>
    public static readonly string[] Metered = ["preprocess", "nlu", "retrieval", "coupons", "reply"];

    private readonly long[] sums = new long[Names.Length];
    private readonly long[] cpuSums = new long[Metered.Length];
    private readonly long[] byteSums = new long[Metered.Length];
    private readonly long[] meteredCounts = new long[Metered.Length];
    private readonly long[] ranCounts = new long[Metered.Length];
    private readonly Latency retrieval = new();
    private long count;

    public void Add(WireTimings? t)
    {
        if (t is null || !ClosedLoop.IsCountedOperation)
        {
            return;
        }
        // On the stack: the load generator's own allocations count in the figures' bytes per turn.
        ReadOnlySpan<long> wall = [t.PreprocessMicros, t.ContextMicros, t.NluMicros, t.RetrievalMicros, t.RankingMicros, t.CouponMicros, t.ReplyMicros, t.LoggingMicros, t.TotalMicros];
        ReadOnlySpan<long> meteredWall = [t.PreprocessMicros, t.NluMicros, t.RetrievalMicros, t.CouponMicros, t.ReplyMicros];
        lock (sums)
        {
            for (var i = 0; i < wall.Length; i++)
            {
                sums[i] += wall[i];
            }
            for (var i = 0; i < Metered.Length; i++)
            {
                var cpu = t.CpuNanos?[i];
                // A stage ran when it was metered or took wall time; one that ran unmetered resumed on another thread.
                if (cpu is not null || meteredWall[i] > 0)
                {
                    ranCounts[i]++;
                }
                if (cpu is { } ns && t.AllocatedBytes?[i] is { } bytes)
                {
                    cpuSums[i] += ns;
                    byteSums[i] += bytes;
                    meteredCounts[i]++;
                }
            }
            if (t.RetrievalMicros > 0)
            {
                retrieval.RecordMicros(t.RetrievalMicros);
            }
            count++;
        }
    }

    public void Reset()
    {
        lock (sums)
        {
            Array.Clear(sums);
            Array.Clear(cpuSums);
            Array.Clear(byteSums);
            Array.Clear(meteredCounts);
            Array.Clear(ranCounts);
            count = 0;
        }
    }

    public long Count => Interlocked.Read(ref count);

    /// <summary>
    /// Mean microseconds per turn for each stage, keyed "stage_us_mean"; per metered stage its CPU µs and bytes per turn
    /// ("stage_cpu_us_per_turn", "stage_bytes_per_turn": the metered turns' mean scaled by the turns the stage ran in,
    /// so a stage a turn skipped counts 0) and the share of its runs that could not be metered; retrieval's p50/p99.
    /// </summary>
    public IEnumerable<KeyValuePair<string, double>> Means()
    {
        lock (sums)
        {
            var means = new List<KeyValuePair<string, double>>();
            means.AddRange(Names.Select((name, i) => new KeyValuePair<string, double>($"{name}_us_mean", count == 0 ? 0 : (double)sums[i] / count)));
            for (var i = 0; i < Metered.Length; i++)
            {
                if (meteredCounts[i] == 0 || count == 0)
                {
                    continue;
                }
                var ran = (double)ranCounts[i] / count;
                means.Add(new($"{Metered[i]}_cpu_us_per_turn", cpuSums[i] / 1_000.0 / meteredCounts[i] * ran));
                means.Add(new($"{Metered[i]}_bytes_per_turn", (double)byteSums[i] / meteredCounts[i] * ran));
                means.Add(new($"{Metered[i]}_unmetered_share", 1 - (double)meteredCounts[i] / ranCounts[i]));
            }
            if (retrieval.Count > 0)
            {
                means.Add(new("retrieval_us_p50", retrieval.PercentileMicros(50)));
                means.Add(new("retrieval_us_p99", retrieval.PercentileMicros(99)));
                means.Add(new("retrieval_turn_share", (double)retrieval.Count / count));
            }
            return means;
        }
    }

    public double Sum(string name) => sums[Array.IndexOf(Names, name)];
}
