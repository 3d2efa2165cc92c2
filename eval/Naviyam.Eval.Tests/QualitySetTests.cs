using Naviyam.Eval.Running;
using Xunit.Abstractions;

namespace Naviyam.Eval.Tests;

/// <summary>
/// The answer-quality set end to end (issue #10, "How it is measured"): the product started on each real list and
/// on the generated city, every query played over HTTP, every answer judged from the raw files. Fails on any hard
/// violation and on relevance, honesty or refusals below the targets; the failing queries with their replies are in
/// <c>eval/out/test/answers.md</c>.
/// </summary>
public class QualitySetTests(ITestOutputHelper output)
{
    // Issue #10's targets.
    private const int MaxHardViolations = 0;
    private const double MinRelevanceAt3 = 0.90;
    private const double MinHonestNoAnswer = 0.90;
    private const double MinRefusals = 1.0;

    // The set must stay large enough to mean something (the issue asks for at least 300 queries).
    private const int MinQueries = 300;

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task The_quality_set_has_no_hard_violation_and_meets_the_targets()
    {
        var discovered = EvalPaths.Discover();
        // A folder of its own, emptied first: the generated city is written afresh by the silo being tested.
        var paths = discovered with { OutFolder = Path.Combine(discovered.RepositoryRoot, "eval", "out", "test") };
        if (Directory.Exists(paths.OutFolder))
        {
            Directory.Delete(paths.OutFolder, recursive: true);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        var log = new StringWriter();

        EvalResult result;
        try
        {
            result = await EvalRun.RunAsync(new EvalOptions { Paths = paths, Build = false, Configuration = Configuration }, log, timeout.Token);
        }
        finally
        {
            output.WriteLine(log.ToString());
        }

        var all = DatasetSummary.Total(result.Summaries);
        using (new FluentAssertions.Execution.AssertionScope())
        {
            result.Summaries.Select(s => s.Dataset).Should().Equal(Datasets.All.Select(d => d.Name));
            all.Queries.Should().BeGreaterThanOrEqualTo(MinQueries);
            all.Errors.Should().Be(0, "every query must be answered (see {0})", result.DetailsPath);
            all.HardViolations.Should().BeLessThanOrEqualTo(MaxHardViolations, "hard violations by kind: {0} (see {1})",
                string.Join(", ", all.Violations.Where(v => v.Value > 0).Select(v => $"{v.Key} {v.Value}")), result.DetailsPath);
            Share(all.Hits, all.Answerable).Should().BeGreaterThanOrEqualTo(MinRelevanceAt3, "relevance@3 is {0}/{1}", all.Hits, all.Answerable);
            Share(all.Honest, all.NoAnswer).Should().BeGreaterThanOrEqualTo(MinHonestNoAnswer, "honest no-answer is {0}/{1}", all.Honest, all.NoAnswer);
            Share(all.RefusalsOk, all.Refusals).Should().BeGreaterThanOrEqualTo(MinRefusals, "refusals are {0}/{1}", all.RefusalsOk, all.Refusals);
        }
    }

    private static double Share(int part, int whole) => whole == 0 ? 1.0 : part / (double)whole;
}
