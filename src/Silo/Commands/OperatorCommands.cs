using System.Text.Json;
using Naviyam.Lexicons;
using Naviyam.Silo.DataGeneration;
using Naviyam.Silo.Hosting;
using Naviyam.Silo.Import;

namespace Naviyam.Silo.Commands;

/// <summary>
/// The silo's operator commands. Each prints what it did and exits 0, or says what is wrong and exits
/// 2 for a usage error and 1 for a failure.
/// </summary>
public static class OperatorCommands
{
    private const string Usage = """
        Naviyam silo — operator commands

          generate-data [--shops N] [--users N] [--seed N] --out DIR
              Writes a synthetic Seoul-like city (shops.jsonl, foodcard_users.jsonl); N shops up to 100,000.
          import KIND PATH [--rejects FILE]
              Reads a merchant list and reports what it would store: KIND is jeju, national, peer, seoul or generated.
              PATH is a file or a folder of such files.
          (no command)
              Runs a silo (options: --Naviyam:Storage:Mode, --Naviyam:Silo:Instance, --Naviyam:Import:0=KIND:PATH, ...).
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or JsonException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    private static int GenerateData(string[] args)
    {
        var options = Parse(args, "--shops", "--users", "--seed", "--out");
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
        var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        if (positional.Length < 2)
        {
            throw new UsageException("import needs KIND and PATH");
        }
        var options = Parse(args.Except(positional).ToArray(), "--rejects");
        var spec = new ImportSpec(positional[0].ToLowerInvariant(), positional[1]);
        if (!File.Exists(spec.Path) && !Directory.Exists(spec.Path))
        {
            throw new IOException($"{spec.Path} does not exist");
        }

        var result = MerchantImport.ReadFile(spec.Kind, spec.Path, CategoryMap.Load(DataPaths.Catalog("categories.json")));
        Console.WriteLine($"{result.Shops.Count:N0} shops read from {spec.Path} ({spec.Kind}); {result.Rejected.Count:N0} rows rejected.");
        Console.WriteLine($"  with menus: {result.Shops.Count(s => s.Menus.Count > 0):N0}, with hours: {result.Shops.Count(s => s.Hours is not null):N0}, "
            + $"with coordinates: {result.Shops.Count(s => s.Location is not null):N0}, not for children: {result.Shops.Count(s => s.NotForChildren):N0}");
        foreach (var rejected in result.Rejected.Take(10))
        {
            Console.WriteLine($"  rejected line {rejected.Line}: {rejected.Reason}");
        }
        if (options.GetValueOrDefault("--rejects") is { } rejectsFile)
        {
            File.WriteAllLines(rejectsFile, result.Rejected.Select(r => $"{r.Line}\t{r.Reason}\t{r.Raw}"));
        }
        Console.WriteLine("The embedded default keeps no database: run the silo with --Naviyam:Import:0=KIND:PATH to serve this list.");
        return 0;
    }

    private static Dictionary<string, string> Parse(string[] args, params string[] allowed)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!allowed.Contains(args[i]))
            {
                throw new UsageException($"unknown option {args[i]}");
            }
            if (i + 1 >= args.Length)
            {
                throw new UsageException($"{args[i]} needs a value");
            }
            options[args[i]] = args[++i];
        }
        return options;
    }

    private static int Int(Dictionary<string, string> options, string name, int fallback, int min, int max)
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
