using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Naviyam.Catalog;
using Naviyam.Catalog.Import;
using Naviyam.Catalog.Import.DataGeneration;
using Naviyam.Hosting;
using Naviyam.Lexicons;
using Naviyam.Nlu;
using Naviyam.Places;
using Naviyam.Preprocessing;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.UnitTests.Places;

namespace Naviyam.UnitTests.Retrieval.Replay;

/// <summary>
/// Speed never buys a different answer: the served <see cref="CandidateSearch"/> and the search as it was before its
/// speed work (<see cref="ReferenceCandidateSearch"/>, kept here unchanged) answer the same replayed query shapes
/// (<see cref="ReplayShapes"/>) over the generated city and the real Jeju list (read in place from <c>../shared</c>),
/// and every candidate list, the cheapest meal offered when nothing fits and the outcome must be identical.
/// </summary>
public sealed class RetrievalReplayTests
{
    [Fact]
    public void The_generated_city_gets_the_same_answers()
    {
        using var city = new ReplayCity(CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = 3_000, UserCount = 0, Seed = 7 }).Shops);
        city.Replay([
            .. city.FromQueryFile("generated.jsonl"),
            .. city.FromQueryFile("seoul.jsonl"),
            .. ReplayShapes.Random(7, 600, city.Shops, city.Places),
        ]);
    }

    [Fact]
    public void The_Jeju_list_gets_the_same_answers()
    {
        var run = new ImportRun(CategoryMap.Load(new DataPaths().Catalog("categories.json")), MenuKindClassifier.Load(new DataPaths()), PlacesTestData.Areas);
        var shops = run.Import(new ImportSpec(MerchantImport.Jeju, PlacesTestData.JejuMenus)).Shops
            .Concat(run.Import(new ImportSpec(MerchantImport.Jeju, PlacesTestData.JejuRestricted)).Shops);
        using var city = new ReplayCity(shops);
        city.Replay([
            .. city.FromQueryFile("jeju.jsonl"),
            .. ReplayShapes.Random(11, 600, city.Shops, city.Places),
        ]);
    }

    /// <summary>The product's registrations over one catalog, with the reference search beside the served one.</summary>
    private sealed class ReplayCity : IDisposable
    {
        private readonly ServiceProvider services;

        public ReplayCity(IEnumerable<ShopRecord> shops)
        {
            var collection = new ServiceCollection();
            collection.AddNaviyamGrainServices(new ConfigurationBuilder().Build());
            services = collection.BuildServiceProvider();
            var catalog = services.GetRequiredService<IShopCatalog>();
            catalog.Load(shops);
            Shops = catalog.All();
            Places = services.GetRequiredService<ServedPlaces>();
            Served = services.GetRequiredService<CandidateSearch>();
            Reference = new ReferenceCandidateSearch(catalog, services.GetRequiredService<FoodLexicon>(), services.GetRequiredService<DishNames>(),
                Places, services.GetRequiredService<TypicalMealPrices>(), services.GetRequiredService<SpicyDishes>(),
                services.GetRequiredService<IOptions<RecommendationOptions>>());
        }

        public IReadOnlyList<ShopRecord> Shops { get; }

        public ServedPlaces Places { get; }

        public CandidateSearch Served { get; }

        public ReferenceCandidateSearch Reference { get; }

        public IReadOnlyList<(string Name, CandidateQuery Query)> FromQueryFile(string file) =>
            ReplayShapes.FromQueryFile(Path.Combine(PlacesTestData.RepositoryRoot, "eval", "queries", file), Shops, Places,
                services.GetRequiredService<TextNormalizer>(), services.GetRequiredService<INluEngine>(),
                services.GetRequiredService<DietaryRules>(), services.GetRequiredService<DishPreferences>());

        public void Replay(IReadOnlyList<(string Name, CandidateQuery Query)> shapes)
        {
            var differences = new List<string>();
            var (fitting, cheapest, alternatives, unknown) = (0, 0, 0, 0);
            foreach (var (name, query) in shapes)
            {
                var expected = Describe(Reference.Find(query));
                var served = Served.Find(query);
                var actual = Describe(served);
                if (!expected.SequenceEqual(actual))
                {
                    var at = expected.Zip(actual).TakeWhile(pair => pair.First == pair.Second).Count();
                    differences.Add($"{name}: expected [{string.Join(" ; ", expected.Skip(at).Take(2))}] but got [{string.Join(" ; ", actual.Skip(at).Take(2))}]");
                }
                fitting += served.Fitting.Count > 0 ? 1 : 0;
                cheapest += served.CheapestEligible is not null ? 1 : 0;
                alternatives += served.Alternatives.Count > 0 ? 1 : 0;
                unknown += served.Fitting.Count == 0 && served.PriceUnknown.Count > 0 ? 1 : 0;
            }
            differences.Should().BeEmpty($"{differences.Count} of {shapes.Count} replayed queries were answered differently");
            // The replay must exercise each kind of answer for the comparison to say something.
            shapes.Should().HaveCountGreaterThan(600);
            fitting.Should().BeGreaterThan(shapes.Count / 10, "many shapes find fitting shops");
            cheapest.Should().BeGreaterThan(10, "some shapes fit nothing but the cheapest meal is offered");
            (alternatives + unknown).Should().BeGreaterThan(10, "some shapes are answered by alternatives or unconfirmed prices");
        }

        /// <summary>Everything an answer carries that a reply or the ranker reads, one line per candidate, in order.</summary>
        private static List<string> Describe(CandidateSet set)
        {
            var lines = new List<string>();
            Add("fit", set.Fitting);
            Add("unknown", set.PriceUnknown);
            Add("alternative", set.Alternatives);
            lines.Add($"cheapest {(set.CheapestEligible is { } c ? Line(c) : "none")}");
            lines.Add($"outcome {string.Join(",", set.Outcome.Limits)} {set.Outcome.Alternatives} {set.Outcome.NoShopsInReach}");
            return lines;

            void Add(string kind, IReadOnlyList<Candidate> candidates)
            {
                lines.Add($"{kind} {candidates.Count}");
                lines.AddRange(candidates.Select(candidate => $"{kind} {Line(candidate)}"));
            }
        }

        private static string Line(Candidate c) => string.Create(CultureInfo.InvariantCulture,
            $"{c.Shop.Id} {c.Meal?.Name}/{c.Meal?.Price} open={c.OpenNow} d={c.DistanceMeters:F3} food={c.FoodMatched} typical={c.TypicalPrice} " +
            $"coupon={c.Coupon?.PriceAfterDiscount} alt={c.Alternative} approx={c.ApproximateDistance}");

        public void Dispose() => services.Dispose();
    }
}
