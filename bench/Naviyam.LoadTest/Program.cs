using System.Globalization;
using Naviyam.Bench;

namespace Naviyam.LoadTest;

/// <summary>
/// End-to-end load against the real gateway on loopback. Every verb is bounded in time (a watchdog ends the process
/// after --max-minutes) and every loop in count.
/// <code>
/// turns       --name N --out FILE [--shops 3000] [--silo-workers 100] [--clients 50] [--rounds 2] [--round-seconds 5]
///             [--no-transport] [--no-unloaded] [--mysql CONNECTION] [--load both|mix|worst] [--card-users 30000]
///             [--capture FILE]   (the realistic mix's first sessions, for the micro-benchmarks' replay)
/// sessions    --out FILE [--count 10000]
/// connections --out FILE [--count 10000]
/// report      --results DIR --out FILE --command "..." --commit SHA
/// </code>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: Naviyam.LoadTest turns|sessions|connections|report [options] (see Program.cs)");
            return 2;
        }
        var verb = args[0];
        var maxMinutes = Double(args, "--max-minutes", 10);
        using var watchdog = new Timer(_ =>
        {
            Console.Error.WriteLine($"{verb}: stopped by the watchdog after {maxMinutes} minutes");
            Environment.Exit(3);
        }, null, TimeSpan.FromMinutes(maxMinutes), Timeout.InfiniteTimeSpan);

        switch (verb)
        {
            case "turns":
            {
                var options = new TurnOptions
                {
                    Name = Arg(args, "--name") ?? "embedded",
                    Shops = (int)Double(args, "--shops", 3_000),
                    SiloWorkers = (int)Double(args, "--silo-workers", 100),
                    Clients = (int)Double(args, "--clients", 50),
                    Rounds = (int)Double(args, "--rounds", 2),
                    RoundDuration = TimeSpan.FromSeconds(Double(args, "--round-seconds", 5)),
                    Warmup = TimeSpan.FromSeconds(Double(args, "--warmup-seconds", 2)),
                    Transport = !args.Contains("--no-transport"),
                    Unloaded = !args.Contains("--no-unloaded"),
                    MySql = Arg(args, "--mysql"),
                    WorstCase = Arg(args, "--load") is null or "both" or "worst",
                    Mix = Arg(args, "--load") is null or "both" or "mix",
                    CardUsers = (int)Double(args, "--card-users", 30_000),
                    Capture = Arg(args, "--capture"),
                };
                if (Arg(args, "--load") is { } loadKind && loadKind is not ("both" or "mix" or "worst"))
                {
                    Console.Error.WriteLine("--load is both, mix or worst");
                    return 2;
                }
                var result = await Scenarios.TurnsAsync(options);
                result.Save(Required(args, "--out"));
                return 0;
            }
            case "sessions":
            {
                var result = await Scenarios.SessionsAsync((int)Double(args, "--count", 10_000), parallelism: 64);
                result.Save(Required(args, "--out"));
                return 0;
            }
            case "connections":
            {
                var result = await Connections.ServerAsync((int)Double(args, "--count", 10_000), TimeSpan.FromMinutes(Math.Max(1, maxMinutes - 2)));
                result.Save(Required(args, "--out"));
                return 0;
            }
            case "connect-clients":
                return await Connections.ClientsAsync(new Uri(Required(args, "--url")), (int)Double(args, "--count", 10_000),
                    TimeSpan.FromSeconds(Double(args, "--max-seconds", 300)));
            case "report":
                Report.Write(Required(args, "--results"), Required(args, "--out"), Arg(args, "--command") ?? "bench/run.sh", Arg(args, "--commit") ?? "unknown");
                return 0;
            default:
                Console.Error.WriteLine($"unknown verb {verb}");
                return 2;
        }
    }

    private static string? Arg(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string Required(string[] args, string name) =>
        Arg(args, name) ?? throw new ArgumentException($"{name} is required");

    private static double Double(string[] args, string name, double fallback) =>
        Arg(args, name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
