using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;

namespace Naviyam.Gateway.Telemetry;

/// <summary>
/// How one threshold rule stands now (<c>GET /api/operator/alerts</c>): <c>Value</c> is what was measured over the
/// window (null with too few samples to judge), <c>FiresWhen</c> is <c>above</c> or <c>below</c> the threshold.
/// </summary>
public sealed record AlertStatus(string Name, string Measure, double Threshold, string FiresWhen, double? Value, int Samples, bool Firing, DateTimeOffset? Since);

/// <summary>
/// The spec's four monitoring thresholds judged over a sliding window (<see cref="AlertOptions"/>): a turn's time
/// (95th percentile), the NLU cache's hit rate, the NLU's expected accuracy (mean calibrated confidence) and the
/// picks' click rate. A rule that starts or stops firing writes a log event (<see cref="Raised"/>, <see cref="Cleared"/>);
/// every rule is a metric (<c>naviyam.alerts.firing</c>, <c>naviyam.alerts.value</c>, tagged <c>alert</c>) and a row
/// of the operators' endpoint.
/// </summary>
public sealed class ThresholdAlerts : IDisposable
{
    public const string MeterName = "Naviyam.Alerts";
    public const string ResponseTime = "response_time";
    public const string CacheHitRate = "cache_hit_rate";
    public const string NluAccuracy = "nlu_accuracy";
    public const string RecommendationCtr = "recommendation_ctr";

    public static readonly EventId Raised = new(9100, "ThresholdAlertRaised");
    public static readonly EventId Cleared = new(9101, "ThresholdAlertCleared");

    private readonly AlertOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<ThresholdAlerts> logger;
    private readonly SlidingWindow turnMillis;
    private readonly SlidingWindow confidences;
    private readonly SlidingWindow cacheLookups;
    private readonly SlidingWindow picksShown;
    private readonly SlidingWindow selections;
    private readonly MeterListener cacheListener;
    private readonly Dictionary<string, DateTimeOffset> firingSince = new(StringComparer.Ordinal);
    private IReadOnlyList<AlertStatus> last = [];
    private volatile bool feedbackSeen;

    public ThresholdAlerts(IOptions<AlertOptions> options, TimeProvider time, IMeterFactory meterFactory, ILogger<ThresholdAlerts> logger)
    {
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        var window = this.options.Window;
        turnMillis = new SlidingWindow(window, time);
        confidences = new SlidingWindow(window, time);
        cacheLookups = new SlidingWindow(window, time);
        picksShown = new SlidingWindow(window, time);
        selections = new SlidingWindow(window, time);

        // The NLU cache counts its hits and misses on its own meter; this host's (the co-hosted silo's) are listened to.
        cacheListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Name is "naviyam.nlu.cache.hits" or "naviyam.nlu.cache.misses")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        cacheListener.SetMeasurementEventCallback<long>((instrument, count, _, _) =>
        {
            for (var i = 0; i < count; i++)
            {
                cacheLookups.Add(instrument.Name.EndsWith(".hits", StringComparison.Ordinal) ? 1 : 0);
            }
        });
        cacheListener.Start();

        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("naviyam.alerts.firing", () => last.Select(a => new Measurement<int>(a.Firing ? 1 : 0, Tag(a))),
            description: "1 while a threshold rule fires");
        meter.CreateObservableGauge("naviyam.alerts.value", () => last.Where(a => a.Value is not null).Select(a => new Measurement<double>(a.Value!.Value, Tag(a))),
            description: "The value each threshold rule judged, over its window");
    }

    public void TurnAnswered(TimeSpan elapsed, double confidence, int picks)
    {
        turnMillis.Add(elapsed.TotalMilliseconds);
        confidences.Add(confidence);
        if (picks > 0)
        {
            picksShown.Add(picks);
        }
    }

    public void FeedbackRecorded(bool selected)
    {
        feedbackSeen = true;
        if (selected)
        {
            selections.Add(1);
        }
    }

    /// <summary>Judges every rule now, logs the ones that started or stopped firing, and returns them all.</summary>
    public IReadOnlyList<AlertStatus> Evaluate()
    {
        var turns = turnMillis.Values();
        var lookups = cacheLookups.Values();
        var confident = confidences.Values();
        var shown = picksShown.Values().Sum();
        var statuses = new[]
        {
            Judge(ResponseTime, "95th percentile of a turn's time at the gateway (ms)", options.ResponseTimeMs, above: true,
                turns.Length, () => Percentile(turns, 0.95)),
            Judge(CacheHitRate, "share of NLU lookups answered from the cache", options.CacheHitRate, above: false,
                lookups.Length, () => lookups.Average()),
            Judge(NluAccuracy, "NLU's mean calibrated confidence (expected accuracy)", options.NluAccuracy, above: false,
                confident.Length, () => confident.Average()),
            Judge(RecommendationCtr, "여기 갈래 presses per pick shown", options.RecommendationCtr, above: false,
                feedbackSeen ? (int)shown : 0, () => selections.Values().Length / shown),
        };
        last = statuses;
        return statuses;
    }

    private AlertStatus Judge(string name, string measure, double threshold, bool above, int samples, Func<double> value)
    {
        double? measured = samples >= options.MinSamples ? Math.Round(value(), 4) : null;
        var firing = measured is { } v && (above ? v > threshold : v < threshold);
        DateTimeOffset? since;
        lock (firingSince)
        {
            var wasFiring = firingSince.TryGetValue(name, out var started);
            if (firing && !wasFiring)
            {
                started = time.GetUtcNow();
                firingSince[name] = started;
                logger.LogWarning(Raised, "Alert {Alert} raised: {Measure} is {Value} ({Direction} {Threshold}) over the last {Window} ({Samples} samples)",
                    name, measure, measured, above ? "above" : "below", threshold, options.Window, samples);
            }
            else if (!firing && wasFiring && measured is not null)
            {
                firingSince.Remove(name);
                logger.LogInformation(Cleared, "Alert {Alert} cleared: {Measure} is {Value}", name, measure, measured);
            }
            since = firingSince.TryGetValue(name, out var s) ? s : null;
        }
        return new AlertStatus(name, measure, threshold, above ? "above" : "below", measured, samples, since is not null, since);
    }

    private static double Percentile(double[] values, double share)
    {
        Array.Sort(values);
        return values[Math.Clamp((int)Math.Ceiling(share * values.Length) - 1, 0, values.Length - 1)];
    }

    private static KeyValuePair<string, object?> Tag(AlertStatus alert) => new("alert", alert.Name);

    public void Dispose() => cacheListener.Dispose();
}
