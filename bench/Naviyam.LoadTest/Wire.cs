using System.Text.Json;
using System.Text.Json.Serialization;
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
    [property: JsonPropertyName("total_us")] long TotalMicros)
{
    public static WireTimings From(TurnTimings t) => new(
        t.PreprocessMicros, t.ContextMicros, t.NluMicros, t.RetrievalMicros, t.RankingMicros, t.CouponMicros,
        t.ReplyMicros, t.LoggingMicros, t.TotalMicros);
}

/// <summary>The echo endpoints return the request they were given.</summary>
public sealed record WireRequest(string? SessionId, string? Text, string? TurnId, WireLocation? Location, int? UserAge);

public sealed record WireLocation(double Lat, double Lng);

/// <summary>Sums of the per-stage timings a run's replies reported (µs), to tell where a turn's time goes.</summary>
public sealed class StageTotals
{
    public static readonly string[] Names = ["preprocess", "context", "nlu", "retrieval", "ranking", "coupons", "reply", "logging", "total"];
    private readonly long[] sums = new long[Names.Length];
    private long count;

    public void Add(WireTimings? t)
    {
        if (t is null || !ClosedLoop.IsCountedOperation)
        {
            return;
        }
        Interlocked.Add(ref sums[0], t.PreprocessMicros);
        Interlocked.Add(ref sums[1], t.ContextMicros);
        Interlocked.Add(ref sums[2], t.NluMicros);
        Interlocked.Add(ref sums[3], t.RetrievalMicros);
        Interlocked.Add(ref sums[4], t.RankingMicros);
        Interlocked.Add(ref sums[5], t.CouponMicros);
        Interlocked.Add(ref sums[6], t.ReplyMicros);
        Interlocked.Add(ref sums[7], t.LoggingMicros);
        Interlocked.Add(ref sums[8], t.TotalMicros);
        Interlocked.Increment(ref count);
    }

    public void Reset()
    {
        Array.Clear(sums);
        count = 0;
    }

    public long Count => Interlocked.Read(ref count);

    /// <summary>Mean microseconds per turn for each stage, keyed "stage_us_mean".</summary>
    public IEnumerable<KeyValuePair<string, double>> Means() =>
        Names.Select((name, i) => new KeyValuePair<string, double>($"{name}_us_mean", count == 0 ? 0 : (double)sums[i] / count));

    public double Sum(string name) => sums[Array.IndexOf(Names, name)];
}
