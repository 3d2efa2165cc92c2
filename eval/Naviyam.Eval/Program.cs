using Naviyam.Eval.Running;

// dotnet run --project eval/Naviyam.Eval -- [--dataset jeju|daegu|seoul|generated|all] [--only ID-PREFIX] [--no-build]
//   [--parallel N] [--oracle] [--repo DIR] [--data DIR] [--out DIR]
// Exit codes: 0 no hard violation, 1 hard violations, 2 bad arguments or setup, 3 queries the product did not answer.
const string Usage = "usage: Naviyam.Eval [--dataset jeju|daegu|seoul|generated|all] [--only ID-PREFIX] [--no-build] [--parallel N] [--oracle] [--repo DIR] [--data DIR] [--out DIR]";

var settings = new Dictionary<string, string>(StringComparer.Ordinal);
var flags = new HashSet<string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--no-build" or "--oracle":
            flags.Add(args[i]);
            break;
        case "--dataset" or "--only" or "--parallel" or "--repo" or "--data" or "--out" when i + 1 < args.Length:
            settings[args[i]] = args[++i];
            break;
        case "-h" or "--help":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"error: unknown or incomplete argument '{args[i]}'");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

try
{
    var options = new EvalOptions
    {
        Datasets = Datasets.Parse(settings.GetValueOrDefault("--dataset", "all")),
        Paths = EvalPaths.Discover(settings.GetValueOrDefault("--repo"), settings.GetValueOrDefault("--data"), settings.GetValueOrDefault("--out")),
        Build = !flags.Contains("--no-build"),
        OracleOnly = flags.Contains("--oracle"),
        Only = settings.GetValueOrDefault("--only"),
        Parallelism = settings.TryGetValue("--parallel", out var parallel) && int.TryParse(parallel, out var n) && n > 0 ? n : 4,
    };
    var result = await EvalRun.RunAsync(options, Console.Out);
    return options.OracleOnly ? 0 : result.ExitCode;
}
catch (Exception ex) when (ex is ArgumentException or DirectoryNotFoundException or FileNotFoundException or InvalidDataException or InvalidOperationException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
