using Naviyam.Learning;
using System.Diagnostics.Metrics;
using Naviyam.Chat;

namespace Naviyam.Gateway.Telemetry;

/// <summary>
/// What every answered turn tells operators, on the <c>Naviyam.Gateway</c> meter: turns (by intent), the turn's time
/// at the front door, each pipeline stage's time (from the reply's timings), the NLU's confidence, picks shown,
/// orders placed in chat, and feedback on picks. The same samples feed <see cref="ThresholdAlerts"/>.
/// </summary>
public sealed class TurnMetrics
{
    public const string MeterName = "Naviyam.Gateway";

    private static readonly double[] TurnBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly double[] StageBuckets = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5];
    private static readonly double[] ConfidenceBuckets = [0.1, 0.2, 0.3, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1];

    private readonly Counter<long> turns;
    private readonly Histogram<double> turnDuration;
    private readonly Histogram<double> stageDuration;
    private readonly Histogram<double> confidence;
    private readonly Counter<long> picksShown;
    private readonly Counter<long> feedback;
    private readonly Counter<long> ordersPlaced;

    public TurnMetrics(IMeterFactory meterFactory, ThresholdAlerts alerts)
    {
        Alerts = alerts;
        var meter = meterFactory.Create(MeterName);
        turns = meter.CreateCounter<long>("naviyam.turns", "{turn}", "Chat turns answered, by intent");
        turnDuration = meter.CreateHistogram("naviyam.turn.duration", "s", "A turn's time at the gateway, grain call included",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = TurnBuckets });
        stageDuration = meter.CreateHistogram("naviyam.turn.stage.duration", "s", "Each pipeline stage's time within a turn",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = StageBuckets });
        confidence = meter.CreateHistogram("naviyam.nlu.confidence", "1", "The NLU's calibrated confidence per turn",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = ConfidenceBuckets });
        picksShown = meter.CreateCounter<long>("naviyam.recommendations.shown", "{pick}", "Picks shown in replies");
        feedback = meter.CreateCounter<long>("naviyam.recommendations.feedback", "{press}", "What users did with a pick (select, dismiss)");
        ordersPlaced = meter.CreateCounter<long>("naviyam.orders.placed", "{order}", "Orders placed by a chat turn");
    }

    public ThresholdAlerts Alerts { get; }

    public void RecordTurn(ChatReply reply, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.Replayed)
        {
            return; // a client's retry answered from memory is not another turn
        }
        turns.Add(1, new KeyValuePair<string, object?>("intent", reply.Intent));
        turnDuration.Record(elapsed.TotalSeconds);
        var t = reply.Timings;
        foreach (var (stage, micros) in new[]
        {
            ("preprocess", t.PreprocessMicros), ("context", t.ContextMicros), ("nlu", t.NluMicros), ("retrieval", t.RetrievalMicros),
            ("ranking", t.RankingMicros), ("coupons", t.CouponMicros), ("reply", t.ReplyMicros), ("logging", t.LoggingMicros),
        })
        {
            stageDuration.Record(micros / 1_000_000.0, new KeyValuePair<string, object?>("stage", stage));
        }
        confidence.Record(reply.Confidence);
        var shown = reply.Recommendations.Count + reply.PriceUnknown.Count;
        if (shown > 0)
        {
            picksShown.Add(shown);
        }
        if (reply.Action == ChatActions.OrderPlaced)
        {
            ordersPlaced.Add(1);
        }
        Alerts.TurnAnswered(elapsed, reply.Confidence, shown);
    }

    /// <summary>Recorded feedback on a pick (<c>go</c>: 여기 갈래, <c>other</c>: 다른 데 보여줘, <c>opened</c>), for the click rate.</summary>
    public void RecordFeedback(string kind)
    {
        feedback.Add(1, new KeyValuePair<string, object?>("kind", kind));
        Alerts.FeedbackRecorded(selected: kind == FeedbackKinds.Go);
    }
}
