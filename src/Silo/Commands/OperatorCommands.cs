using Microsoft.Extensions.Configuration;
using System.Text.Json;
using MySqlConnector;
using Naviyam.Infrastructure.MySql;
using Naviyam.Infrastructure.MySql.Migrations;
using Naviyam.Training;
using Naviyam.Lexicons;
using Naviyam.Catalog.Import.DataGeneration;
using Naviyam.Hosting;
using Naviyam.Catalog.Import;
using Naviyam.Places;

namespace Naviyam.Silo.Commands;

/// <summary>
/// The silo's operator commands. Each prints what it did and exits 0, or says what is wrong and exits
/// 2 for a usage error and 1 for a failure.
/// </summary>
public static partial class OperatorCommands
{
    private const string Usage = """
        Naviyam silo — operator commands

          generate-data [--shops N] [--users N] [--seed N] --out DIR
              Writes a synthetic Seoul-like city (shops.jsonl, foodcard_users.jsonl); N shops up to 100,000.
          import KIND PATH [--rejects FILE]
              Reads a merchant list (KIND: jeju, national, peer, seoul or generated; PATH: a file or a folder of them),
              reports shops, rejected rows, merged duplicates, positions checked against addresses (relocated and
              approximate) and flags, and in MySQL mode stores it (idempotent by source and id).
          migrate
              MySQL mode: applies sql/migrations in order; safe to run again.
          seed [--shops N] [--users N] [--seed N]
              MySQL mode: stores a generated city (shops, menus, hours, meal-card users, coupons and wallets).
          train-nlu [--data DIR] [--out DIR]
              Trains the intent classifier on DIR/nlu/{train,dev}.jsonl (default: the repository's data/), exports it to
              ONNX with its metrics (default: data/models/nlu); the test split is only reported.
          eval-nlu [--data DIR] [--model DIR] [--split test|dev|train]
              Prints accuracy, per-intent precision/recall/F1, macro-F1, budget exact-match and false-budget rate.
          train-embedder [--data DIR] [--out DIR] [--seed N] [--epochs N]
              Trains the text encoder on pairs from DIR's lexicons, wishes and corpus, chooses the hybrid's TF-IDF weight on
              the dev split; writes encoder, lexical table and metrics (default: data/models/embedder) only when the hybrid
              beats TF-IDF alone on dev (exit 1 otherwise). Test figures are only reported.
          eval-embedder [--data DIR] [--model DIR]
              Prints the shipped model's dev and test recall@10 and MRR: encoder, TF-IDF and hybrid.
          train-ranker [--out DIR] [--shops N] [--users N] [--sessions N] [--epochs N] [--seed N] [--logs CONNECTION [--logs-days N]]
              Simulates children choosing shops in the generated city, trains the Wide&Deep ranker and a wide-only
              baseline, prints nDCG@10 and AUC on held-out sessions against popularity, the heuristic and wide-only, and
              writes DIR/wide-deep.onnx + metrics.json (default: data/models/ranker) only if it beats them all (else exit 1).
              --logs mixes in the behaviour log (recommendation_features + user_interactions, last N days, default 90)
              of the MySQL database at CONNECTION; the report and metrics.json give the logged and simulated shares.
          eval-ranker [--model DIR]
              Recomputes that table for the shipped ranker from its metrics.json settings.
          tune-ranker
              Re-runs the ranker's hyper-parameter grid on the validation sessions (tens of minutes) and prints the winners.
          ab-report [--days N]
              MySQL mode: click and order rates per ranking arm (wide_deep, heuristic) over the last N days (default 7),
              from recommendations_log and user_interactions.
          In MySQL mode train-nlu and train-ranker record each run in model_training_logs.
          (no command)
              Runs a silo (options: --Naviyam:Storage:Mode, --Naviyam:Silo:Instance, --Naviyam:Import:0=KIND:PATH, ...).

        Configuration as for the silo, e.g. --Naviyam:Storage:Mode=MySql --ConnectionStrings:Naviyam="Server=...".
        """;

    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        switch (args[0])
        {
            case "generate-data":
                exitCode = Guard(() => GenerateData(args[1..]));
                return true;
            case "import":
                exitCode = Guard(() => Import(args[1..]));
                return true;
            case "migrate":
                exitCode = Guard(() => Migrate(args[1..]));
                return true;
            case "seed":
                exitCode = Guard(() => Seed(args[1..]));
                return true;
            case "train-nlu":
                exitCode = Guard(() => TrainNlu(args[1..]));
                return true;
            case "eval-nlu":
                exitCode = Guard(() => EvaluateNlu(args[1..]));
                return true;
            case "train-embedder" or "eval-embedder":
                exitCode = Guard(() => RunEmbedderCommand(args[0], args[1..]));
                return true;
            case "train-ranker":
                exitCode = Guard(() => TrainRanker(args[1..]));
                return true;
            case "eval-ranker":
                exitCode = Guard(() => EvaluateRanker(args[1..]));
                return true;
            case "ab-report":
                exitCode = Guard(() => AbReport(args[1..]));
                return true;
            case "tune-ranker":
                exitCode = Guard(TuneRanker);
                return true;
            case "help" or "--help" or "-h":
                Console.WriteLine(Usage);
                return true;
            default:
                return false;
        }
    }

    private static int Guard(Func<int> command)
    {
        try
        {
            return command();
        }
        catch (UsageException usage)
        {
            Console.Error.WriteLine($"error: {usage.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException
                                       or JsonException or ArgumentException or InvalidOperationException or MySqlException or TimeoutException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    private static int GenerateData(string[] args)
    {
        var (options, _) = Split(args, "--shops", "--users", "--seed", "--out");
        var output = options.GetValueOrDefault("--out") ?? throw new UsageException("generate-data needs --out DIR");
        var shops = Int(options, "--shops", 3_000, 1, 100_000);
        var users = Int(options, "--users", 100, 0, 1_000_000);
        var seed = Int(options, "--seed", 20_250_903, int.MinValue, int.MaxValue);

        var city = CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = shops, UserCount = users, Seed = seed });
        GeneratedDataWriter.Write(city, output);
        Console.WriteLine($"Wrote {city.Shops.Count:N0} shops ({city.Shops.Sum(s => s.Menus.Count):N0} menus) and {city.Users.Count:N0} meal-card users to {Path.GetFullPath(output)} (seed {seed}).");
        return 0;
    }

    private static int Import(string[] args)
    {
        var (options, configuration) = Split(args, "--rejects");
        var positional = options.Positional;
        if (positional.Count < 2)
        {
            throw new UsageException("import needs KIND and PATH");
        }
        var spec = new ImportSpec(positional[0].ToLowerInvariant(), positional[1]);
        if (!File.Exists(spec.Path) && !Directory.Exists(spec.Path))
        {
            throw new IOException($"{spec.Path} does not exist");
        }

        var paths = DataPathsOf(configuration);
        var run = new ImportRun(CategoryMap.Load(paths.Catalog("categories.json")), MenuKindClassifier.Load(paths), AdminAreas.LoadDefault(paths));
        var shops = Storage(configuration) is { IsMySql: true } storage ? StoresFor(storage, configuration).Shops : null;
        if (shops is not null)
        {
            // A list repeating a stored shop under another id merges into it.
            run.Know(shops.LoadAllAsync().GetAwaiter().GetResult());
        }
        var result = run.Import(spec);
        Console.WriteLine($"Read {spec.Path} ({spec.Kind}):");
        foreach (var line in ImportReport.Lines(result))
        {
            Console.WriteLine($"  {line}");
        }
        foreach (var rejected in result.Rejected.Take(10))
        {
            Console.WriteLine($"  rejected line {rejected.Line}: {rejected.Reason}");
        }
        if (options.GetValueOrDefault("--rejects") is { } rejectsFile)
        {
            File.WriteAllLines(rejectsFile, result.Rejected.Select(r => $"{r.Line}\t{r.Reason}\t{r.Raw}"));
        }
        if (shops is not null)
        {
            var stored = shops.UpsertAsync(result.Shops).GetAwaiter().GetResult();
            Console.WriteLine($"Stored {stored.Count:N0} shops in MySQL.");
        }
        else
        {
            Console.WriteLine("The embedded default keeps no database: run the silo with --Naviyam:Import:0=KIND:PATH to serve this list.");
        }
        return 0;
    }

    private static int Migrate(string[] args)
    {
        var (_, configuration) = Split(args);
        var storage = RequireMySql(configuration, "migrate");
        new MigrationRunner(storage.RequireConnectionString(configuration))
            .ApplyAsync(MigrationRunner.DefaultDirectory, Console.Out).GetAwaiter().GetResult();
        return 0;
    }

    private static int Seed(string[] args)
    {
        var (options, configuration) = Split(args, "--shops", "--users", "--seed");
        var storage = RequireMySql(configuration, "seed");
        var city = CityDataGenerator.Generate(new CityGenerationOptions
        {
            ShopCount = Int(options, "--shops", 3_000, 1, 100_000),
            UserCount = Int(options, "--users", 100, 0, 1_000_000),
            Seed = Int(options, "--seed", 20_250_903, int.MinValue, int.MaxValue),
        });
        var stores = StoresFor(storage, configuration);
        stores.Shops.UpsertAsync(city.Shops).GetAwaiter().GetResult();
        stores.Cards.UpsertAccountsAsync(city.Users).GetAwaiter().GetResult();
        // Foreign-key order: users (with their cards) and coupons before the wallet rows that reference both.
        stores.Coupons.UpsertCouponsAsync(city.Coupons).GetAwaiter().GetResult();
        stores.Coupons.IssueManyAsync(city.Wallets).GetAwaiter().GetResult();
        Console.WriteLine($"Seeded {city.Shops.Count:N0} synthetic shops, {city.Users.Count:N0} synthetic meal-card users, "
            + $"{city.Coupons.Count:N0} coupons and {city.Wallets.Count:N0} wallet coupons.");
        return 0;
    }

    private static int TrainNlu(string[] args)
    {
        var (options, configuration) = Split(args, "--data", "--out");
        var data = options.GetValueOrDefault("--data") ?? RepositoryData();
        var output = options.GetValueOrDefault("--out") ?? Path.Combine(data, "models", "nlu");
        RecordTraining(configuration, NluRunStart(), () => NluTrainingCommand.TrainModel(data, output, Console.Out), report => NluRunEnd(report, data, output));
        return 0;
    }

    /// <summary>The repository's data/ folder above the working directory: the corpus lives there and the model is committed there.</summary>
    private static string RepositoryData()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Naviyam.sln")))
            {
                return Path.Combine(directory.FullName, "data");
            }
        }
        throw new UsageException("run this inside the repository, or give --data DIR");
    }

    private static int EvaluateNlu(string[] args)
    {
        var (options, _) = Split(args, "--data", "--model", "--split");
        var split = options.GetValueOrDefault("--split") ?? "test";
        if (split is not ("test" or "dev" or "train"))
        {
            throw new UsageException($"--split is test, dev or train, not '{split}'");
        }
        var data = options.GetValueOrDefault("--data") ?? RepositoryData();
        return NluTrainingCommand.Evaluate(data, options.GetValueOrDefault("--model") ?? Path.Combine(data, "models", "nlu"), split, Console.Out);
    }

    private static DataPaths DataPathsOf(IConfiguration configuration) =>
        configuration.GetSection(DataPaths.Section).Get<DataPaths>() ?? new DataPaths();

    private static StorageOptions? Storage(IConfiguration configuration) =>
        configuration.GetSection(StorageOptions.Section).Get<StorageOptions>();

    private static StorageOptions RequireMySql(IConfiguration configuration, string verb) =>
        Storage(configuration) is { IsMySql: true } storage
            ? storage
            : throw new UsageException($"{verb} works on MySQL: add --Naviyam:Storage:Mode=MySql --ConnectionStrings:Naviyam=\"...\"");

    private static (MySqlShopRepository Shops, MySqlFoodCardStore Cards, MySqlCouponStore Coupons) StoresFor(StorageOptions storage, IConfiguration configuration)
    {
        var dataSource = new MySqlDataSource(storage.RequireConnectionString(configuration));
        return (new MySqlShopRepository(dataSource), new MySqlFoodCardStore(dataSource), new MySqlCouponStore(dataSource));
    }

    /// <summary>
    /// Splits a command line into the verb's own options (<c>--shops 10</c>), positional arguments, and configuration
    /// overrides (<c>--Section:Key=value</c>) layered over appsettings.json and the environment, as for the silo.
    /// </summary>
    private static (CommandOptions Options, IConfiguration Configuration) Split(string[] args, params string[] allowed)
    {
        var options = new CommandOptions();
        var overrides = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && (arg.Contains(':', StringComparison.Ordinal) || arg.Contains('=', StringComparison.Ordinal)))
            {
                overrides.Add(arg);
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (!allowed.Contains(arg))
                {
                    throw new UsageException($"unknown option {arg}");
                }
                if (i + 1 >= args.Length)
                {
                    throw new UsageException($"{arg} needs a value");
                }
                options[arg] = args[++i];
            }
            else
            {
                options.Positional.Add(arg);
            }
        }
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(overrides.ToArray())
            .Build();
        return (options, configuration);
    }

    private sealed class CommandOptions : Dictionary<string, string>
    {
        public CommandOptions() : base(StringComparer.Ordinal)
        {
        }

        public List<string> Positional { get; } = [];
    }

    private static int Int(CommandOptions options, string name, int fallback, int min, int max)
    {
        if (!options.TryGetValue(name, out var text))
        {
            return fallback;
        }
        if (!int.TryParse(text.Replace(",", "", StringComparison.Ordinal), out var value) || value < min || value > max)
        {
            throw new UsageException($"{name} must be a whole number from {min:N0} to {max:N0}, not '{text}'");
        }
        return value;
    }

    private sealed class UsageException(string message) : Exception(message);
}
