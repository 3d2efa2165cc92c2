using Naviyam.Eval.Places;
using Naviyam.Eval.Raw;

namespace Naviyam.Eval.Running;

/// <summary>
/// One dataset: the raw files the judge reads, and the configuration that makes the product serve exactly those shops.
/// </summary>
public sealed record DatasetSpec(
    string Name,
    string Sido,
    Func<EvalPaths, IReadOnlyList<string>> ProductConfiguration,
    Func<EvalPaths, PlaceIndex, IEnumerable<RawShop>> ReadRaw)
{
    public RawCatalog LoadCatalog(EvalPaths paths, PlaceIndex places) => new(Name, Sido, ReadRaw(paths, places), places);
}

public static class Datasets
{
    /// <summary>The generated city the eval uses: the product's generator with these settings.</summary>
    public const int GeneratedShops = 3_000;
    public const int GeneratedSeed = 7;
    public const int GeneratedUsers = 100;

    public static readonly DatasetSpec Jeju = new("jeju", "제주",
        paths =>
        [
            "--Naviyam:Data:GenerateShops=0",
            $"--Naviyam:Import:0=jeju:{paths.Real("jeju/jeju_mealcard_shops_menus.csv")}",
            $"--Naviyam:Import:1=jeju:{paths.Real("jeju/jeju_mealcard_shops_restricted.csv")}",
        ],
        (paths, places) => MerchantFiles.ReadJeju(paths.Real("jeju/jeju_mealcard_shops_menus.csv"), places)
            .Concat(MerchantFiles.ReadJeju(paths.Real("jeju/jeju_mealcard_shops_restricted.csv"), places)));

    public static readonly DatasetSpec Daegu = new("daegu", "대구",
        paths =>
        [
            "--Naviyam:Data:GenerateShops=0",
            $"--Naviyam:Import:0=national:{paths.Real("daegu/daegu_mealcard_merchants_2022.csv")}",
        ],
        (paths, places) => MerchantFiles.ReadNational(paths.Real("daegu/daegu_mealcard_merchants_2022.csv"), places));

    public static readonly DatasetSpec Seoul = new("seoul", "서울",
        paths =>
        [
            "--Naviyam:Data:GenerateShops=0",
            $"--Naviyam:Import:0=seoul:{paths.Real("seoul/seoul_kkumnamu_card_shops_2020.csv")}",
        ],
        (paths, places) => MerchantFiles.ReadSeoul(paths.Real("seoul/seoul_kkumnamu_card_shops_2020.csv"), places));

    /// <summary>
    /// The generated city is served by the product's own generator (same shop count and seed as the folder the judge
    /// reads, which <c>generate-data</c> writes) rather than imported, because only then does it have its meal-card
    /// users (demo-1 … demo-100): an imported folder brings shops only, and no API issues a card. The runner checks
    /// each card query's balance against the product before playing it.
    /// </summary>
    public static readonly DatasetSpec Generated = new("generated", "서울",
        _ =>
        [
            $"--Naviyam:Data:GenerateShops={GeneratedShops}",
            $"--Naviyam:Data:Seed={GeneratedSeed}",
            $"--Naviyam:Data:GenerateUsers={GeneratedUsers}",
        ],
        (paths, places) => MerchantFiles.ReadGenerated(Path.Combine(paths.GeneratedFolder, "shops.jsonl"), places));

    public static IReadOnlyList<DatasetSpec> All { get; } = [Jeju, Daegu, Seoul, Generated];

    /// <exception cref="ArgumentException">The name is not a dataset.</exception>
    public static IReadOnlyList<DatasetSpec> Parse(string name) => name switch
    {
        "all" => All,
        _ => [All.FirstOrDefault(d => d.Name == name) ?? throw new ArgumentException($"Unknown dataset '{name}': use jeju, daegu, seoul, generated or all.")],
    };
}

/// <summary>Where everything is: the repository, the shared raw data, the eval's own files and its output.</summary>
public sealed record EvalPaths(string RepositoryRoot, string RealData, string OutFolder)
{
    public string EvalData => Path.Combine(AppContext.BaseDirectory, "data");
    public string QueriesFolder => Path.Combine(RepositoryRoot, "eval", "queries");
    public string GeneratedFolder => Path.Combine(OutFolder, $"generated-{Datasets.GeneratedShops}-seed{Datasets.GeneratedSeed}");
    public string Gazetteer => Real("gazetteer/kma_admin_areas.csv");

    public string Real(string relative) => Path.Combine(RealData, relative);

    /// <summary>The repository that holds this eval (the folder with Naviyam.sln above the working directory or the binary).</summary>
    public static EvalPaths Discover(string? repositoryRoot = null, string? realData = null, string? outFolder = null)
    {
        var root = repositoryRoot ?? FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory)
                   ?? throw new DirectoryNotFoundException("Cannot find the repository (a folder with Naviyam.sln); pass --repo.");
        var real = realData ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "real"));
        if (!Directory.Exists(real))
        {
            throw new DirectoryNotFoundException($"The real merchant lists are expected at {real} (../shared/data/real beside the repository); pass --data.");
        }
        return new EvalPaths(root, real, outFolder ?? Path.Combine(root, "eval", "out"));
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Naviyam.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
