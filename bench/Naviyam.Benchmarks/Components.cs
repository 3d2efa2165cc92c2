using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Bench;
using Naviyam.Catalog;
using Naviyam.Hosting;
using Naviyam.Lexicons;
using Naviyam.Nlu;
using Naviyam.Nlu.Model;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Catalog.Import.DataGeneration;

namespace Naviyam.Benchmarks;

/// <summary>
/// The product's own components, wired by the product's own registration (<c>AddNaviyamGrainServices</c>), over a
/// generated city: what a silo holds, without the silo.
/// </summary>
public sealed class Components : IDisposable
{
    private static readonly Dictionary<int, IReadOnlyList<ShopRecord>> Cities = [];
    private readonly ServiceProvider services;

    public Components(int shops)
    {
        var configuration = new ConfigurationBuilder().Build();
        var collection = new ServiceCollection();
        collection.AddMetrics();
        collection.AddSingleton(TimeProvider.System);
        collection.AddNaviyamGrainServices(configuration);
        collection.AddNaviyamInMemoryStores();
        // The rule engine stays resolvable by its own type; the served engine (INluEngine) is the learned one, as in a silo.
        collection.AddSingleton<RuleBasedNluEngine>();
        collection.AddLearnedNlu();
        services = collection.BuildServiceProvider();

        Shops = City(shops);
        Catalog = services.GetRequiredService<IShopCatalog>();
        Catalog.Load(Shops);
        services.GetRequiredService<PlaceGazetteer>().LearnAddresses(Shops.Select(s => s.Address));
    }

    public IReadOnlyList<ShopRecord> Shops { get; }

    public IShopCatalog Catalog { get; }

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    /// <summary>Generated once per size and process: 100,000 shops take seconds to make.</summary>
    public static IReadOnlyList<ShopRecord> City(int shops)
    {
        lock (Cities)
        {
            if (!Cities.TryGetValue(shops, out var city))
            {
                city = CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = shops, UserCount = 0, Seed = BenchInputs.Seed }).Shops;
                Cities[shops] = city;
            }
            return city;
        }
    }

    /// <summary>Where children stand: the locations of shops picked with a fixed seed (a city's density follows its shops).</summary>
    public static GeoPoint[] Places(IReadOnlyList<ShopRecord> shops, int count)
    {
        var random = new Random(BenchInputs.Seed);
        var located = shops.Where(s => s.Location is not null).ToArray();
        return Enumerable.Range(0, count).Select(_ => located[random.Next(located.Length)].Location!.Value).ToArray();
    }

    /// <summary>
    /// <paramref name="rows"/> real candidates with a 10,000-won budget at <see cref="BenchInputs.SeoulNoon"/>: retrieval's
    /// answers around seeded places, taken in turn until there are enough.
    /// </summary>
    public Candidate[] Candidates(int rows)
    {
        var search = Get<CandidateSearch>();
        var pool = new List<Candidate>();
        foreach (var place in Places(Shops, 400))
        {
            pool.AddRange(search.Find(new CandidateQuery(place, 10_000, null, [], true, BenchInputs.SeoulNoon)).Fitting);
            if (pool.Count >= rows)
            {
                break;
            }
        }
        return pool.Count >= rows ? pool.Take(rows).ToArray() : throw new InvalidOperationException($"Only {pool.Count} candidates for {rows} rows.");
    }

    public void Dispose() => services.Dispose();
}
