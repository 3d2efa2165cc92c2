using System.ComponentModel.DataAnnotations;

namespace Naviyam.Gateway.Resilience;

/// <summary>
/// Bound from <c>Naviyam:Gateway:Resilience</c>: how long a user call may take and when the front door stops calling a
/// cluster or database that keeps failing (a circuit breaker), so clients get a fast 503 instead of a hang.
/// </summary>
public sealed class FrontDoorResilienceOptions
{
    public const string Section = "Naviyam:Gateway:Resilience";

    /// <summary>A call still unanswered after this is a 503 (a turn takes milliseconds; a frozen database takes forever).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The share of failed calls within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Calls within the sampling window before the ratio counts: one failed call never opens it.</summary>
    [Range(2, 100_000)]
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>How long an open circuit answers 503 at once before one call tries again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(3);
}
