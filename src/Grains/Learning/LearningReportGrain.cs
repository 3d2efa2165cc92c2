using Naviyam.Time;
using Orleans.Concurrency;

namespace Naviyam.Learning;

/// <summary>The A/B report from this silo's <see cref="IInteractionLog"/> (in MySQL mode, the cluster's tables).</summary>
[StatelessWorker]
public sealed class LearningReportGrain(IInteractionLog log, SeoulClock clock) : Grain, ILearningReportGrain
{
    async Task<AbReport> ILearningReportGrain.GetAbReportAsync(TimeSpan period)
    {
        // The service's clock (pinned in demos), the one the log is stamped with.
        var since = clock.UtcNow - period;
        return Report(since, await log.SummarizeArmsAsync(since));
    }

    public static AbReport Report(DateTimeOffset since, IReadOnlyList<ArmSummary> arms) =>
        new(since, [.. arms.Select(a => new ArmRates(a.Method, a.Turns, a.Users, a.ClickedTurns, a.OrderedTurns))]);

    /// <summary>The report as a text table (the CLI's and the log's form).</summary>
    public static IEnumerable<string> Lines(AbReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        yield return $"A/B report since {report.Since:yyyy-MM-dd HH:mm} UTC (turns that showed picks; rates ± half their 95 % interval)";
        yield return $"{"arm",-10} {"users",7} {"turns",7} {"clicked",8} {"click rate",18} {"ordered",8} {"order rate",18}";
        foreach (var arm in report.Arms)
        {
            yield return FormattableString.Invariant(
                $"{arm.Method,-10} {arm.Users,7} {arm.Turns,7} {arm.ClickedTurns,8} {arm.ClickRate,9:P1} ± {arm.ClickRateMargin,5:P1} {arm.OrderedTurns,8} {arm.OrderRate,9:P1} ± {arm.OrderRateMargin,5:P1}");
        }
        if (report.Arms.Count == 0)
        {
            yield return "(no turn showed picks in this period)";
        }
    }
}
