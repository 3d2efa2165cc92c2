using System.Globalization;
using Naviyam.Eval.Coupons;
using Naviyam.Eval.Dishes;
using Naviyam.Eval.Judging;
using Naviyam.Eval.Places;
using Naviyam.Eval.Queries;
using Naviyam.Eval.Raw;

namespace Naviyam.Eval.Running;

public sealed record EvalOptions
{
    public IReadOnlyList<DatasetSpec> Datasets { get; init; } = Running.Datasets.All;
    public EvalPaths? Paths { get; init; }

    /// <summary>Build the gateway (and, for the generated city, the silo) before running; off when the caller built them.</summary>
    public bool Build { get; init; } = true;

    /// <summary>The build configuration of the gateway and silo that are run.</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>Queries played at once against one gateway (each has its own session and user).</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Only queries whose id starts with this.</summary>
    public string? Only { get; init; }

    /// <summary>Judge nothing: list what the raw data holds for each query (for writing queries).</summary>
    public bool OracleOnly { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(4);

    public string GatewayProject { get; init; } = Path.Combine("src", "Gateway", "Gateway.csproj");
    public string SiloProject { get; init; } = Path.Combine("src", "Silo", "Silo.csproj");
}

public sealed record EvalResult(IReadOnlyList<DatasetSummary> Summaries, IReadOnlyList<(string Dataset, IReadOnlyList<QueryVerdict> Verdicts)> Verdicts, string DetailsPath)
{
    public int HardViolations => Summaries.Sum(s => s.HardViolations);

    /// <summary>0 only when every query was played and no answer has a hard violation.</summary>
    public int ExitCode => HardViolations > 0 ? 1 : Summaries.Any(s => s.Errors > 0) ? 3 : 0;
}

/// <summary>
/// The answer-quality run: for each dataset, start the product on exactly that dataset, play every query through
/// <c>POST /api/chat</c> (one session per query, earlier turns first), judge every answer, report. The entry point for
/// the command line and for a test.
/// </summary>
public static class EvalRun
{
    /// <summary>The product's clock during the run: a Wednesday lunchtime (Seoul).</summary>
    public static readonly DateTime PinnedLocalTime = new(2025, 9, 3, 12, 0, 0, DateTimeKind.Unspecified);

    public static async Task<EvalResult> RunAsync(EvalOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        var paths = options.Paths ?? EvalPaths.Discover();
        Directory.CreateDirectory(paths.OutFolder);
        var places = PlaceIndex.Load(paths.Gazetteer, Path.Combine(paths.EvalData, "legal-dongs.json"));
        var dishes = DishDictionary.Load(Path.Combine(paths.EvalData, "dishes.json"));
        var safety = SafetyWords.Load(Path.Combine(paths.EvalData, "safety.json"));
        var coupons = CouponBook.Load(Path.Combine(paths.EvalData, "coupons.json"));
        var queries = QueryFile.LoadFolder(paths.QueriesFolder, dishes)
            .Where(q => options.Only is null || q.Id.StartsWith(options.Only, StringComparison.Ordinal))
            .ToList();

        string? gatewayDll = null;
        if (!options.OracleOnly && options.Build)
        {
            await Tool.RunAsync(log, paths.RepositoryRoot, cancellationToken, "build", options.GatewayProject, "-c", options.Configuration, "--nologo", "-v", "q");
        }
        if (!options.OracleOnly)
        {
            gatewayDll = await TargetPathAsync(paths, options.GatewayProject, options.Configuration, cancellationToken);
        }
        if (options.Datasets.Contains(Running.Datasets.Generated) && !File.Exists(Path.Combine(paths.GeneratedFolder, "shops.jsonl")))
        {
            log.WriteLine($"Writing the generated city to {paths.GeneratedFolder} …");
            if (options.Build || options.OracleOnly)
            {
                await Tool.RunAsync(log, paths.RepositoryRoot, cancellationToken, "build", options.SiloProject, "-c", options.Configuration, "--nologo", "-v", "q");
            }
            await Tool.RunAsync(log, paths.RepositoryRoot, cancellationToken, await TargetPathAsync(paths, options.SiloProject, options.Configuration, cancellationToken),
                "generate-data", "--shops", $"{Running.Datasets.GeneratedShops}", "--seed", $"{Running.Datasets.GeneratedSeed}",
                "--users", $"{Running.Datasets.GeneratedUsers}", "--out", paths.GeneratedFolder);
        }

        var results = new List<(string, IReadOnlyList<QueryVerdict>)>();
        var summaries = new List<DatasetSummary>();
        foreach (var dataset in options.Datasets)
        {
            var own = queries.Where(q => q.Dataset == dataset.Name).ToList();
            if (own.Count == 0)
            {
                continue;
            }
            var catalog = dataset.LoadCatalog(paths, places);
            var judge = new AnswerJudge(catalog, dishes, safety, PinnedLocalTime, coupons);
            log.WriteLine($"{dataset.Name}: {catalog.Shops.Count:N0} raw shops, {own.Count} queries");
            IReadOnlyList<QueryVerdict> verdicts;
            if (options.OracleOnly)
            {
                WriteOracle(judge, own, Path.Combine(paths.OutFolder, $"oracle-{dataset.Name}.md"));
                continue;
            }
            await using (var product = await ProductProcess.StartAsync(gatewayDll!, Path.GetDirectoryName(Path.Combine(paths.RepositoryRoot, options.GatewayProject))!,
                             dataset.ProductConfiguration(paths), PinnedLocalTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
                             Path.Combine(paths.OutFolder, $"gateway-{dataset.Name}.log"), options.StartTimeout, cancellationToken))
            {
                log.WriteLine($"{dataset.Name}: product up at {product.BaseAddress}");
                using var http = new HttpClient { BaseAddress = product.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
                var client = new ChatClient(http);
                verdicts = await PlayAllAsync(client, judge, own, options.Parallelism, cancellationToken);
            }
            var summary = DatasetSummary.From(dataset.Name, verdicts);
            summaries.Add(summary);
            results.Add((dataset.Name, verdicts));
            log.WriteLine($"{dataset.Name}: {summary.HardViolations} hard violations in {summary.QueriesWithViolations} of {summary.Queries} queries");
        }

        var detailsPath = Path.Combine(paths.OutFolder, "answers.md");
        if (!options.OracleOnly)
        {
            var header = $"Commit {await Commit(paths.RepositoryRoot, cancellationToken)}, product clock pinned at {PinnedLocalTime:yyyy-MM-dd HH:mm} (Wednesday), run {DateTime.Now:yyyy-MM-dd HH:mm}.";
            await File.WriteAllTextAsync(detailsPath, $"{EvalReport.Details(results, header)}\n{EvalReport.Table(summaries)}", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(paths.OutFolder, "summary.json"), EvalReport.Json(summaries, results), cancellationToken);
            log.WriteLine();
            log.WriteLine(EvalReport.Table(summaries));
            log.WriteLine($"Details: {detailsPath}");
        }
        return new EvalResult(summaries, results, detailsPath);
    }

    private static async Task<IReadOnlyList<QueryVerdict>> PlayAllAsync(ChatClient client, AnswerJudge judge, List<EvalQuery> queries, int parallelism, CancellationToken cancellationToken)
    {
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        var verdicts = new QueryVerdict[queries.Count];
        await Parallel.ForAsync(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (i, ct) => verdicts[i] = await PlayAsync(client, judge, queries[i], run, ct));
        return verdicts;
    }

    private static async Task<QueryVerdict> PlayAsync(ChatClient client, AnswerJudge judge, EvalQuery query, string run, CancellationToken cancellationToken)
    {
        var safeId = new string([.. query.Id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
        var userId = query.User.Id ?? $"eval-{safeId}";
        if (query.User.Card is { } card)
        {
            var balance = await client.BalanceAsync(userId, cancellationToken);
            if (balance != card.Balance)
            {
                return new QueryVerdict
                {
                    Query = query,
                    Replies = [],
                    Error = $"setup: the product holds balance {balance?.ToString(CultureInfo.InvariantCulture) ?? "none"} for {userId}, the query says {card.Balance}",
                };
            }
            var held = await client.CouponIdsAsync(userId, cancellationToken);
            if (!held.SequenceEqual(card.CouponIds.Order(StringComparer.Ordinal)))
            {
                return new QueryVerdict
                {
                    Query = query,
                    Replies = [],
                    Error = $"setup: the product holds coupons [{string.Join(", ", held)}] for {userId}, the query says [{string.Join(", ", card.CouponIds)}]",
                };
            }
        }
        var replies = new List<ProductReply>();
        var session = $"eval-{safeId}-{run}";
        for (var turn = 0; turn < query.Turns.Count; turn++)
        {
            var reply = await client.SendAsync(userId, session, $"t{turn + 1}", query.Turns[turn], query.Location, query.User.Age, cancellationToken);
            replies.Add(reply);
            if (reply.Error is not null)
            {
                break;
            }
        }
        return judge.Judge(query, replies);
    }

    private static void WriteOracle(AnswerJudge judge, List<EvalQuery> queries, string path)
    {
        using var writer = new StreamWriter(path);
        var all = judge.Catalog.Shops;
        writer.WriteLine($"# {judge.Catalog.Dataset}: {all.Count} shops; placed by address instead of their coordinates: {all.Count(s => s.PositionFromAddress && s.FilePoint is not null)}; "
                         + $"without a position: {all.Count(s => s.Position is null)}; without a 읍면동 in the address: {all.Count(s => s.Place.Emd is null)}; "
                         + $"with a menu: {all.Count(s => s.Menus.Count > 0)}");
        foreach (var moved in all.Where(s => s.PositionFromAddress && s.FilePoint is not null))
        {
            var nearest = judge.Catalog.Places.Gazetteer.NearestEmd(moved.FilePoint!.Value);
            writer.WriteLine($"#   placed by address: {moved.Name} | {moved.Address} | file {moved.FilePoint} is in {nearest.Sido} {nearest.Sigungu} {nearest.Emd}");
        }
        foreach (var query in queries)
        {
            if (query.Ask.Kind == AskKind.Refusal || query.Ask.FollowUp is { Type: FollowUpType.Where })
            {
                writer.WriteLine($"{query.Id}\t{query.Ask.Kind}\t{string.Join(" / ", query.Turns)}");
                continue;
            }
            try
            {
                var pairs = judge.RelevantPairs(query);
                var shops = pairs.Select(p => p.Shop).Distinct().ToList();
                writer.WriteLine($"{query.Id}\t{shops.Count} shops\t{string.Join(" / ", query.Turns)}\t"
                                 + string.Join("; ", pairs.DistinctBy(p => p.Shop).Take(4).Select(p => $"{p.Shop.Name}{(p.Item is null ? "" : $" {p.Item.Name} {p.Item.High}")}")));
            }
            catch (InvalidDataException ex)
            {
                writer.WriteLine($"{query.Id}\tERROR {ex.Message}");
            }
        }
    }

    /// <summary>The built assembly of a project (run as <c>dotnet that.dll</c>); a missing build is an error, not a stale run.</summary>
    private static async Task<string> TargetPathAsync(EvalPaths paths, string project, string configuration, CancellationToken cancellationToken)
    {
        var dll = (await Tool.RunAsync(null, paths.RepositoryRoot, cancellationToken,
            "msbuild", project, "-getProperty:TargetPath", $"-p:Configuration={configuration}")).Trim();
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} is not built: build {project} ({configuration}) or run without --no-build.", dll);
    }

    private static async Task<string> Commit(string repository, CancellationToken cancellationToken)
    {
        try
        {
            return (await Tool.RunAsync(null, repository, cancellationToken, "git:rev-parse", "--short", "HEAD")).Trim();
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }
}
