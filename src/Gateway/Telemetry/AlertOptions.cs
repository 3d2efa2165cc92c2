using System.ComponentModel.DataAnnotations;

namespace Naviyam.Gateway.Telemetry;

/// <summary>
/// Bound from <c>Naviyam:Alerts</c>: the spec's monitoring thresholds (모니터링 및 알림) and the sliding window they are
/// judged over. A rule with fewer than <see cref="MinSamples"/> samples in the window is not judged.
/// </summary>
public sealed class AlertOptions
{
    public const string Section = "Naviyam:Alerts";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan EvaluateEvery { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 100_000)]
    public int MinSamples { get; set; } = 20;

    /// <summary>The 95th percentile of a turn's time at the gateway must stay at or under this.</summary>
    [Range(1, 60_000)]
    public double ResponseTimeMs { get; set; } = 500;

    /// <summary>The NLU cache must answer at least this share of lookups.</summary>
    [Range(0.0, 1.0)]
    public double CacheHitRate { get; set; } = 0.7;

    /// <summary>The NLU's mean calibrated confidence (its expected accuracy on live turns, which carry no labels) must stay at or above this.</summary>
    [Range(0.0, 1.0)]
    public double NluAccuracy { get; set; } = 0.85;

    /// <summary>"여기 갈래" presses per pick shown must stay at or above this, judged once feedback is being recorded.</summary>
    [Range(0.0, 1.0)]
    public double RecommendationCtr { get; set; } = 0.25;
}
