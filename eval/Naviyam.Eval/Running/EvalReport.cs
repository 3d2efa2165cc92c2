using System.Globalization;
using System.Text;
using System.Text.Json;
using Naviyam.Eval.Judging;

namespace Naviyam.Eval.Running;

/// <summary>The figures of one dataset's run.</summary>
public sealed record DatasetSummary
{
    public required string Dataset { get; init; }
    public int Queries { get; init; }
    public int Errors { get; init; }
    public required IReadOnlyDictionary<ViolationKind, int> Violations { get; init; }
    public int QueriesWithViolations { get; init; }
    public int Answerable { get; init; }
    public int Hits { get; init; }
    public int NoAnswer { get; init; }
    public int Honest { get; init; }
    public int Refusals { get; init; }
    public int RefusalsOk { get; init; }
    public int FollowUps { get; init; }
    public int FollowUpsOk { get; init; }

    public int HardViolations => Violations.Values.Sum();

    public static DatasetSummary From(string dataset, IReadOnlyList<QueryVerdict> verdicts) => new()
    {
        Dataset = dataset,
        Queries = verdicts.Count,
        Errors = verdicts.Count(v => v.Error is not null),
        Violations = Enum.GetValues<ViolationKind>().ToDictionary(k => k, k => verdicts.Sum(v => v.Violations.Count(x => x.Kind == k))),
        QueriesWithViolations = verdicts.Count(v => v.Violations.Count > 0),
        Answerable = verdicts.Count(v => v.Hit is not null),
        Hits = verdicts.Count(v => v.Hit == true),
        NoAnswer = verdicts.Count(v => v.Honest is not null),
        Honest = verdicts.Count(v => v.Honest == true),
        Refusals = verdicts.Count(v => v.RefusalOk is not null),
        RefusalsOk = verdicts.Count(v => v.RefusalOk == true),
        FollowUps = verdicts.Count(v => v.FollowUpOk is not null),
        FollowUpsOk = verdicts.Count(v => v.FollowUpOk == true),
    };

    public static DatasetSummary Total(IEnumerable<DatasetSummary> parts)
    {
        var list = parts.ToList();
        return new DatasetSummary
        {
            Dataset = "all",
            Queries = list.Sum(p => p.Queries),
            Errors = list.Sum(p => p.Errors),
            Violations = Enum.GetValues<ViolationKind>().ToDictionary(k => k, k => list.Sum(p => p.Violations[k])),
            QueriesWithViolations = list.Sum(p => p.QueriesWithViolations),
            Answerable = list.Sum(p => p.Answerable),
            Hits = list.Sum(p => p.Hits),
            NoAnswer = list.Sum(p => p.NoAnswer),
            Honest = list.Sum(p => p.Honest),
            Refusals = list.Sum(p => p.Refusals),
            RefusalsOk = list.Sum(p => p.RefusalsOk),
            FollowUps = list.Sum(p => p.FollowUps),
            FollowUpsOk = list.Sum(p => p.FollowUpsOk),
        };
    }
}

/// <summary>The table people read and the details file that says, query by query, what went wrong.</summary>
public static class EvalReport
{
    private static readonly (ViolationKind Kind, string Header)[] Columns =
    [
        (ViolationKind.OverBudget, "over budget"),
        (ViolationKind.WrongPrice, "wrong price"),
        (ViolationKind.OutsideArea, "outside area"),
        (ViolationKind.NotTheDish, "not the dish"),
        (ViolationKind.AdultForMinor, "alcohol/adult"),
        (ViolationKind.Duplicate, "shop twice"),
        (ViolationKind.TooFar, "> 20 km"),
        (ViolationKind.UnknownShop, "unknown shop"),
    ];

    public static string Table(IReadOnlyList<DatasetSummary> summaries)
    {
        var rows = summaries.Count > 1 ? [.. summaries, DatasetSummary.Total(summaries)] : summaries;
        var text = new StringBuilder();
        text.Append("| dataset | queries | ").AppendJoin(" | ", Columns.Select(c => c.Header))
            .AppendLine(" | hard violations (queries) | relevance@3 | honest no-answer | refusals | follow-ups | not played |");
        text.Append("| --- | ---: | ").AppendJoin(" | ", Columns.Select(_ => "---:")).AppendLine(" | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {s.Dataset} | {s.Queries} | ")
                .AppendJoin(" | ", Columns.Select(c => s.Violations[c.Kind]))
                .Append(CultureInfo.InvariantCulture, $" | {s.HardViolations} ({s.QueriesWithViolations}) | {Rate(s.Hits, s.Answerable)} | {Rate(s.Honest, s.NoAnswer)}")
                .AppendLine(CultureInfo.InvariantCulture, $" | {Rate(s.RefusalsOk, s.Refusals)} | {Rate(s.FollowUpsOk, s.FollowUps)} | {s.Errors} |");
        }
        return text.ToString();
    }

    public static string Details(IReadOnlyList<(string Dataset, IReadOnlyList<QueryVerdict> Verdicts)> results, string header)
    {
        var text = new StringBuilder();
        text.AppendLine("# Answer-quality run: failing queries").AppendLine().AppendLine(header).AppendLine();
        foreach (var (dataset, verdicts) in results)
        {
            var failing = verdicts.Where(v => v.Failed).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {dataset}: {failing.Count} of {verdicts.Count} queries fail").AppendLine();
            foreach (var verdict in failing)
            {
                Describe(text, verdict);
            }
        }
        return text.ToString();
    }

    public static string Json(IReadOnlyList<DatasetSummary> summaries, IReadOnlyList<(string Dataset, IReadOnlyList<QueryVerdict> Verdicts)> results) =>
        JsonSerializer.Serialize(new
        {
            summaries = summaries.Select(s => new
            {
                s.Dataset, s.Queries, s.Errors, violations = s.Violations.ToDictionary(v => v.Key.ToString(), v => v.Value), s.HardViolations,
                s.QueriesWithViolations, s.Answerable, s.Hits, s.NoAnswer, s.Honest, s.Refusals, s.RefusalsOk, s.FollowUps, s.FollowUpsOk,
            }),
            queries = results.SelectMany(r => r.Verdicts).Select(v => new
            {
                v.Query.Id, v.Query.Dataset, v.Error, v.RelevantShops, v.Hit, v.Honest, v.RefusalOk, v.FollowUpOk,
                violations = v.Violations.Select(x => new { kind = x.Kind.ToString(), x.Pick, x.Detail }),
                reply = v.Judged?.Text,
            }),
        }, EvalJson.Options);

    private static void Describe(StringBuilder text, QueryVerdict verdict)
    {
        var query = verdict.Query;
        text.AppendLine(CultureInfo.InvariantCulture, $"### {query.Id}: {string.Join(" → ", query.Turns.Select(t => $"\"{t}\""))}");
        var device = query.Location is { } l ? string.Create(CultureInfo.InvariantCulture, $"; device at {l.Lat},{l.Lng}") : "";
        text.AppendLine(CultureInfo.InvariantCulture, $"- asked: {JsonSerializer.Serialize(query.Ask, EvalJson.Options)}; user {JsonSerializer.Serialize(query.User, EvalJson.Options)}{device}");
        if (verdict.Error is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- **not judged**: {verdict.Error}").AppendLine();
            return;
        }
        var outcome = new List<string>();
        if (verdict.Hit == false)
        {
            outcome.Add($"no relevant shop in the top {AnswerJudge.TopN} ({verdict.RelevantShops} relevant shops exist)");
        }
        if (verdict.Honest == false)
        {
            outcome.Add("nothing fits in the raw data, but the first sentence does not say so");
        }
        if (verdict.RefusalOk == false)
        {
            outcome.Add("not a refusal without a shop list");
        }
        if (verdict.FollowUpOk == false)
        {
            outcome.Add("the follow-up is not answered");
        }
        if (outcome.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- **{string.Join("; ", outcome)}**");
        }
        foreach (var violation in verdict.Violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- **{violation.Kind}** (pick #{violation.Pick}): {violation.Detail}");
        }
        foreach (var note in verdict.Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- note: {note}");
        }
        if (verdict.RelevantExamples.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- relevant in the raw data (e.g.): {string.Join("; ", verdict.RelevantExamples)}");
        }
        for (var i = 0; i < verdict.Replies.Count; i++)
        {
            var reply = verdict.Replies[i];
            var label = i == verdict.Replies.Count - 1 ? "reply" : $"turn {i + 1} reply";
            text.AppendLine(CultureInfo.InvariantCulture, $"- {label}:").AppendLine("  ```text");
            foreach (var line in reply.Text.Split('\n'))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
            }
            text.AppendLine("  ```");
            for (var p = 0; p < reply.Picks.Count; p++)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {p + 1}. {reply.Picks[p]}{(reply.Picks[p].PriceUnknown ? " [price unknown]" : "")}");
            }
        }
        text.AppendLine();
    }

    private static string Rate(int part, int whole) =>
        whole == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:F1} % ({part}/{whole})");
}
