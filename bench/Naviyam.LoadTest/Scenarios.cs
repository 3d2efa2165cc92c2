using System.Diagnostics;
using System.Globalization;
using MySqlConnector;
using Naviyam.Bench;
using Naviyam.Catalog;
using Naviyam.Chat;

namespace Naviyam.LoadTest;

/// <summary>Options shared by the turn scenarios.</summary>
public sealed record TurnOptions
{
    public required string Name { get; init; }
    public int Shops { get; init; } = 3_000;
    public int SiloWorkers { get; init; } = 100;
    public int Clients { get; init; } = 50;
    public int Rounds { get; init; } = 2;
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan RoundDuration { get; init; } = TimeSpan.FromSeconds(5);
    public long MaxOpsPerRound { get; init; } = 1_000_000;
    public bool Transport { get; init; } = true;
    public bool Unloaded { get; init; } = true;
    /// <summary>When set, the silo runs in MySQL mode on a fresh database made from this connection string.</summary>
    public string? MySql { get; init; }
    /// <summary>The worst case (the corpus cycled through long-lived sessions), the realistic mix, or both.</summary>
    public bool WorstCase { get; init; } = true;
    public bool Mix { get; init; } = true;
    /// <summary>Generated meal-card users (<c>demo-1</c> …) the mix's card sessions take in turn; reused beyond.</summary>
    public int CardUsers { get; init; } = 30_000;
    /// <summary>Where to write the first sessions the in-silo mix played (evaluation query-file format), for the micro-benchmarks.</summary>
    public string? Capture { get; init; }
}

public static class Scenarios
{
    private const int Users = 100;

    /// <summary>Figure-name prefixes the report finds the two loads by.</summary>
    public const string RealisticMix = "Realistic mix";
    public const string WorstCase = "Worst case";

    /// <summary>
    /// In-silo turns against a trivial grain call, then the chat hub against the echo hub and REST chat against REST
    /// echo, each pair with the same worker count in alternating rounds: first the worst case (the food-seeking corpus
    /// cycled through the same long-lived sessions), then the realistic mix (scripted sessions of fresh users).
    /// </summary>
    public static async Task<ResultFile> TurnsAsync(TurnOptions options)
    {
        var result = NewResult(options.Name);
        var settings = BenchInputs.SiloSettings(options.Shops, options.Mix ? Math.Max(Users, options.CardUsers) : Users);
        DbTimer? db = null;
        if (options.MySql is { } baseConnection)
        {
            var connection = await CreateDatabaseAsync(baseConnection);
            settings["Naviyam:Storage:Mode"] = "MySql";
            settings["ConnectionStrings:Naviyam"] = connection;
            settings["Naviyam:Storage:MigrateOnStart"] = "true";
            result.Settings["database"] = new MySqlConnectionStringBuilder(connection).Database;
            db = new DbTimer();
        }
        result.Settings["shops"] = options.Shops.ToString(CultureInfo.InvariantCulture);
        result.Settings["storage"] = options.MySql is null ? "Memory (embedded default)" : "MySql";
        result.Settings["rounds"] = $"{options.Rounds} alternating rounds of {options.RoundDuration.TotalSeconds:0} s per side, {options.Warmup.TotalSeconds:0} s warm-up each";

        var before = MemorySnapshot.Take();
        await using var host = await GatewayHost.StartAsync(settings);
        var catalog = host.Services.GetRequiredService<IShopCatalog>();
        var after = MemorySnapshot.Take();
        result.Figures.Add(new Figure
        {
            Group = "startup",
            Name = $"Gateway + silo start with {catalog.Count:N0} shops",
            DurationSeconds = host.Startup.TotalSeconds,
            Extra =
            {
                ["shops"] = catalog.Count,
                ["menus"] = catalog.All().Sum(s => s.Menus.Count),
                ["startup_s"] = host.Startup.TotalSeconds,
                ["heap_after_start_mib"] = after.HeapBytes / 1048576.0,
                ["heap_growth_mib"] = (after.HeapBytes - before.HeapBytes) / 1048576.0,
                ["rss_after_start_mib"] = after.WorkingSetBytes / 1048576.0,
            },
        });
        Console.WriteLine($"[{options.Name}] started in {host.Startup.TotalSeconds:0.0} s with {catalog.Count:N0} shops");

        var load = new TurnLoad(host);
        var mix = options.Mix ? new MixLoad(host, new SessionScripts(DialogPatterns.Load(RepositoryRoot()), BenchInputs.Seed, new MixShape()), Math.Max(Users, options.CardUsers)) : null;
        if (options.WorstCase)
        {
            result.Settings["messages"] = $"{load.MessageCount} food-seeking messages of data/nlu/test.jsonl plus the spec example, cycled";
        }
        if (mix is not null)
        {
            result.Settings["mix"] = mix.Scripts.Shape.Describe() + $"; card users are the generated demo-1 … demo-{mix.CardUsers:N0}, taken in turn";
        }

        // One pair: a baseline and its subject in alternating rounds, the subject's stages and database time beside it.
        async Task PairAsync(string group, int workers, string baselineName, string subjectName,
            Func<int, long, Task> baseline, Func<StageTotals, Func<int, long, Task>> subject, MixRun? played = null)
        {
            var stages = new StageTotals();
            db?.Reset();
            var (floor, measured) = await ClosedLoop.RunPairAsync(workers, options.Rounds, options.Warmup, options.RoundDuration, options.MaxOpsPerRound,
                baseline, subject(stages));
            Add(result, group, baselineName, null, floor, workers, "calls/s", null, null);
            Add(result, group, subjectName, baselineName, measured, workers, "turns/s", stages, db, played);
        }

        if (options.Unloaded && options.WorstCase)
        {
            await PairAsync("in-silo", 1, "Trivial grain call, 1 caller", $"{WorstCase}: warm chat turn in the silo, 1 session",
                load.InSiloPing("one"), stages => load.InSiloTurn("one", stages, Users));
        }
        if (options.WorstCase)
        {
            await PairAsync("in-silo", options.SiloWorkers, $"Trivial grain call, {options.SiloWorkers} callers",
                $"{WorstCase}: warm chat turn in the silo, {options.SiloWorkers} sessions",
                load.InSiloPing("silo"), stages => load.InSiloTurn("silo", stages, Users));
        }
        if (mix is not null)
        {
            var turns = mix.NewRun("mixsilo", options.SiloWorkers, baseline: false, captureSessions: options.Capture is null ? 0 : 2_000);
            await PairAsync("in-silo", options.SiloWorkers, $"Mix baseline: trivial grain call on each session's key, {options.SiloWorkers} callers",
                $"{RealisticMix}: chat turn in the silo, {options.SiloWorkers} callers",
                MixLoad.InSiloPing(mix.NewRun("mixping", options.SiloWorkers, baseline: true), host), stages => MixLoad.InSiloTurn(turns, host, stages), turns);
            if (options.Capture is { } capture)
            {
                turns.SaveCapture(capture);
            }
        }

        if (options.Transport)
        {
            if (options.WorstCase)
            {
                var echoes = await load.ConnectAsync("/hubs/echo", "sr", options.Clients);
                var chats = await load.ConnectAsync("/hubs/chat", "sr", options.Clients);
                try
                {
                    await PairAsync("signalr", options.Clients, $"SignalR echo hub, {options.Clients} clients", $"{WorstCase}: SignalR chat turn, {options.Clients} clients",
                        load.SignalREcho(echoes, "sr"), stages => load.SignalRChat(chats, "sr", stages));
                }
                finally
                {
                    await Task.WhenAll(echoes.Concat(chats).Select(c => c.DisposeAsync().AsTask()));
                }
            }
            if (mix is not null)
            {
                var echoes = mix.NewRun("mixsrecho", options.Clients, baseline: true);
                var chats = mix.NewRun("mixsr", options.Clients, baseline: false);
                try
                {
                    await PairAsync("signalr", options.Clients, $"Mix baseline: SignalR echo hub, a connection per session, {options.Clients} clients",
                        $"{RealisticMix}: SignalR chat turn, a connection per session, {options.Clients} clients",
                        MixLoad.SignalR(echoes, host, "/hubs/echo", "Echo", null), stages => MixLoad.SignalR(chats, host, "/hubs/chat", "SendMessage", stages), chats);
                }
                finally
                {
                    await echoes.DisposeConnectionsAsync();
                    await chats.DisposeConnectionsAsync();
                }
            }

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            if (options.WorstCase)
            {
                var clients = load.RestClients("rest", options.Clients, handler);
                await PairAsync("rest", options.Clients, $"REST echo, {options.Clients} clients", $"{WorstCase}: REST chat turn, {options.Clients} clients",
                    load.RestEcho(clients, "rest"), stages => load.RestChat(clients, "rest", stages));
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }
            if (mix is not null)
            {
                using var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = host.BaseAddress };
                var chats = mix.NewRun("mixrest", options.Clients, baseline: false);
                await PairAsync("rest", options.Clients, $"Mix baseline: REST echo, a token per session, {options.Clients} clients",
                    $"{RealisticMix}: REST chat turn, a token per session, {options.Clients} clients",
                    MixLoad.Rest(mix.NewRun("mixrestecho", options.Clients, baseline: true), client, host, "/api/echo", null),
                    stages => MixLoad.Rest(chats, client, host, "/api/chat", stages), chats);
            }
        }

        if (mix is not null)
        {
            result.Settings["mix_card_sessions"] = $"{mix.CardSessions:N0} card sessions over {mix.CardUsers:N0} generated card users" +
                (mix.CardSessions > mix.CardUsers ? " (some card users played more than one session)" : " (each a fresh user)");
        }
        var end = MemorySnapshot.Take();
        result.Notes.Add($"After the runs: managed heap {end.HeapBytes / 1048576.0:N0} MiB, RSS {end.WorkingSetBytes / 1048576.0:N0} MiB.");
        db?.Dispose();
        return Finish(result);
    }

    /// <summary>The repository the bench runs from (it reads the team's corpus in place).</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Naviyam.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"Naviyam.sln not found in any parent of '{AppContext.BaseDirectory}'.");
    }

    /// <summary>
    /// 10,000 sessions (each its own user with a generated meal card), activated by one turn each and then four
    /// more; memory per session from the GC's numbers after full blocking collections.
    /// </summary>
    public static async Task<ResultFile> SessionsAsync(int count, int parallelism)
    {
        var result = NewResult("sessions");
        var settings = BenchInputs.SiloSettings(3_000, count);
        await using var host = await GatewayHost.StartAsync(settings);
        var load = new TurnLoad(host);
        var baseline = MemorySnapshot.Take();
        var management = host.Grains.GetGrain<IManagementGrain>(0);
        var activationsBefore = await management.GetTotalActivationCount();

        var sessionsCreated = Stopwatch.StartNew();
        var cold = await ForEachSessionAsync(count, parallelism, host, load);
        sessionsCreated.Stop();
        var one = MemorySnapshot.Take();
        var statistics = await management.GetSimpleGrainStatistics();
        var conversations = statistics.Where(s => s.GrainType.Contains("Conversation", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
        var activationsAfter = await management.GetTotalActivationCount();

        // A tenth of the sessions go on for four more turns: what each further turn keeps (replies in the session state
        // and the in-memory journal), without running 40,000 more turns.
        var continued = Math.Max(1, count / 10);
        for (var turn = 0; turn < 4; turn++)
        {
            await ForEachSessionAsync(continued, parallelism, host, load);
        }
        var five = MemorySnapshot.Take();

        result.Settings["sessions"] = count.ToString(CultureInfo.InvariantCulture);
        result.Settings["gc"] = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation";
        result.Figures.Add(new Figure
        {
            Group = "memory",
            Name = $"{count:N0} active sessions, 1 turn each",
            P50Us = cold.PercentileMicros(50),
            P99Us = cold.PercentileMicros(99),
            MeanUs = cold.MeanMicros,
            Count = cold.Count,
            Throughput = count / sessionsCreated.Elapsed.TotalSeconds,
            ThroughputUnit = "first turns/s",
            Concurrency = parallelism,
            Extra =
            {
                ["conversation_activations"] = conversations,
                ["activations_added"] = activationsAfter - activationsBefore,
                ["heap_bytes_per_session"] = (double)(one.HeapBytes - baseline.HeapBytes) / count,
                ["live_bytes_per_session"] = (double)(one.LiveBytes - baseline.LiveBytes) / count,
                ["rss_mib"] = one.WorkingSetBytes / 1048576.0,
                ["rss_growth_mib"] = (one.WorkingSetBytes - baseline.WorkingSetBytes) / 1048576.0,
                ["heap_mib"] = one.HeapBytes / 1048576.0,
                ["committed_mib"] = one.CommittedBytes / 1048576.0,
                ["baseline_rss_mib"] = baseline.WorkingSetBytes / 1048576.0,
            },
            Note = "Latency columns: the sessions' first (cold) turns, activation of conversation, profile and card grains included.",
        });
        result.Figures.Add(new Figure
        {
            Group = "memory",
            Name = $"{count:N0} active sessions, {continued:N0} of them with 5 turns",
            Extra =
            {
                ["heap_bytes_per_session"] = (double)(five.HeapBytes - baseline.HeapBytes) / count,
                ["live_bytes_per_session"] = (double)(five.LiveBytes - baseline.LiveBytes) / count,
                ["bytes_per_extra_turn"] = (double)(five.LiveBytes - one.LiveBytes) / (4.0 * continued),
                ["rss_mib"] = five.WorkingSetBytes / 1048576.0,
                ["heap_mib"] = five.HeapBytes / 1048576.0,
                ["committed_mib"] = five.CommittedBytes / 1048576.0,
            },
        });
        return Finish(result);
    }

    private static async Task<Latency> ForEachSessionAsync(int count, int parallelism, GatewayHost host, TurnLoad load)
    {
        var next = -1;
        var histograms = new Latency[parallelism];
        var watchdog = Stopwatch.StartNew();
        var messages = BenchInputs.Messages(foodSeekingOnly: true);
        var places = host.Places(256);
        async Task Worker(int worker)
        {
            await Task.Yield();
            var latency = histograms[worker] = new Latency();
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && watchdog.Elapsed < TimeSpan.FromMinutes(5))
            {
                var start = Stopwatch.GetTimestamp();
                await host.Grains.GetGrain<IConversationGrain>($"mem-s{i}").TakeTurnAsync(new ChatTurn(
                    $"demo-{i + 1}", Guid.NewGuid().ToString("N"), messages[i % messages.Count], places[i % places.Length], null));
                latency.Record(Stopwatch.GetTimestamp() - start);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(Worker));
        _ = load;
        return Latency.MergeAll(histograms);
    }

    private static void Add(ResultFile result, string group, string name, string? baseline, RunResult run, int concurrency, string unit, StageTotals? stages, DbTimer? db, MixRun? mix = null)
    {
        var count = run.Latency.Count;
        var figure = new Figure
        {
            Group = group,
            Name = name,
            Baseline = baseline,
            P50Us = count > 0 ? run.Latency.PercentileMicros(50) : null,
            P99Us = count > 0 ? run.Latency.PercentileMicros(99) : null,
            MeanUs = count > 0 ? run.Latency.MeanMicros : null,
            MaxUs = count > 0 ? run.Latency.MaxMicros : null,
            Throughput = run.Throughput,
            ThroughputUnit = unit,
            Count = count,
            Errors = run.Errors,
            AllocatedBytesPerOp = count > 0 ? (double)run.AllocatedBytes / count : null,
            Concurrency = concurrency,
            DurationSeconds = run.Seconds,
            Note = run.FirstError,
        };
        figure.Extra["cpu_us_per_op"] = count > 0 ? run.CpuMilliseconds * 1000 / count : 0;
        figure.Extra["cpu_cores_busy"] = run.Seconds > 0 ? run.CpuMilliseconds / 1000 / run.Seconds : 0;
        figure.Extra["gen0_gcs"] = run.Gen0;
        figure.Extra["gen1_gcs"] = run.Gen1;
        figure.Extra["gen2_gcs"] = run.Gen2;
        if (stages is { Count: > 0 })
        {
            foreach (var (key, value) in stages.Means())
            {
                figure.Extra[key] = value;
            }
            var total = stages.Sum("total");
            if (total > 0)
            {
                figure.Extra["logging_share_of_pipeline"] = stages.Sum("logging") / total;
            }
        }
        if (mix is { Sessions: > 0 })
        {
            figure.Extra["mix_sessions"] = mix.Sessions;
            figure.Extra["mix_turns_per_session"] = (double)mix.Turns / mix.Sessions;
        }
        if (db is not null && count > 0)
        {
            var latencySumUs = run.Latency.MeanMicros * count;
            figure.Extra["db_commands_per_op"] = (double)db.Commands / count;
            figure.Extra["db_us_per_op"] = db.Micros / count;
            figure.Extra["db_share_of_latency"] = db.Micros / latencySumUs;
            db.Reset();
        }
        result.Figures.Add(figure);
        Console.WriteLine($"  {name}: p50 {figure.P50Us:N0} us, p99 {figure.P99Us:N0} us, {figure.Throughput:N0} {unit}, errors {run.Errors} {run.FirstError}");
    }

    /// <summary>A fresh database for this run (the MariaDB user may create naviyam_* databases).</summary>
    private static async Task<string> CreateDatabaseAsync(string baseConnection)
    {
        var builder = new MySqlConnectionStringBuilder(baseConnection);
        var name = $"naviyam_bench_{DateTime.UtcNow:yyyyMMddHHmmss}_{Environment.ProcessId}";
        await using (var connection = new MySqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
            await command.ExecuteNonQueryAsync();
        }
        builder.Database = name;
        return builder.ConnectionString;
    }

    public static ResultFile NewResult(string scenario)
    {
        var result = new ResultFile { Scenario = scenario, StartedAt = DateTimeOffset.Now };
        result.Settings["loadavg_at_start"] = LoadAverage();
        return result;
    }

    public static ResultFile Finish(ResultFile result)
    {
        result.Settings["loadavg_at_end"] = LoadAverage();
        return result with { FinishedAt = DateTimeOffset.Now };
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

/// <summary>The process's memory after full, blocking, compacting collections.</summary>
public sealed record MemorySnapshot(long HeapBytes, long LiveBytes, long CommittedBytes, long WorkingSetBytes)
{
    public static MemorySnapshot Take()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        using var process = Process.GetCurrentProcess();
        return new MemorySnapshot(info.HeapSizeBytes, GC.GetTotalMemory(forceFullCollection: false), info.TotalCommittedBytes, process.WorkingSet64);
    }
}
