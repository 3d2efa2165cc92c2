using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Naviyam.Catalog;
using Naviyam.Catalog.Import.DataGeneration;
using Naviyam.Hosting;
using Naviyam.Lexicons;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Time;

namespace Naviyam.Ranking.Tests;

/// <summary>
/// The model only orders what retrieval made safe: over thousands of generated queries on mutated generated catalogs,
/// whatever a ranker scores (the committed Wide&amp;Deep model, the heuristic, or adversarial random scores), every pick
/// is a candidate retrieval returned and keeps every hard rule, checked here from the shop record itself: within the
/// budget (the card's balance included), safe for a minor, accepting the meal card, not closed at the meal time, inside
/// a named area, within the distance cap.
/// </summary>
public sealed class HardConstraintPropertyTests
{
    private static readonly string[] Foods = ["치킨", "분식", "김밥", "피자", "국밥", "짜장면", "떡볶이"];

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task No_ranker_pick_breaks_a_hard_rule(int seed)
    {
        using var provider = Services();
        var catalog = (ShopCatalog)provider.GetRequiredService<IShopCatalog>();
        var random = new Random(seed);
        catalog.Load(Mutated(CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = 1_500, UserCount = 0, Seed = seed }).Shops, random));
        var search = provider.GetRequiredService<CandidateSearch>();
        var places = provider.GetRequiredService<ServedPlaces>();
        var settings = provider.GetRequiredService<IOptions<RecommendationOptions>>();
        var arms = provider.GetRequiredService<RankingArms>();
        arms.Serves(RankingArm.WideDeep).Should().BeTrue("the committed model is served");
        using var wideDeep = new OnnxWideDeepScoringModel(provider.GetRequiredService<WideDeepModelFile>());
        var rankers = new (string Name, Ranker Ranker)[]
        {
            ("wide-deep", new Ranker(new InProcessScorer(new Dictionary<RankingArm, IScoringModel>
            {
                [RankingArm.Heuristic] = new HeuristicScoringModel(), [RankingArm.WideDeep] = wideDeep,
            }), AllTo(RankingArm.WideDeep, provider), settings, new Naviyam.Learning.FeatureMemory())),
            ("heuristic", new Ranker(new InProcessScorer(new HeuristicScoringModel()), settings)),
            ("adversarial", new Ranker(new InProcessScorer(new RandomScores(seed)), settings)),
        };
        var shops = catalog.All();
        var checkedPicks = 0;
        for (var q = 0; q < 1_500; q++)
        {
            var query = RandomQuery(random, shops, places, out var balance);
            var found = search.Find(query);
            var pool = found.Fitting.Count > 0 ? found.Fitting : found.PriceUnknown.Count > 0 ? found.PriceUnknown : found.Alternatives;
            foreach (var (name, ranker) in rankers)
            {
                var ranked = await ranker.RankAsync(pool, new RankingSituation($"kid-{q}", query.LocalNow, query.BudgetCap, Urgent: q % 5 == 0, FoodAsked: query.FoodType is not null));
                ranked.Top.Count.Should().Be(Math.Min(pool.Count, settings.Value.MaxResults));
                foreach (var pick in ranked.Top)
                {
                    var because = $"{name} ranked {pick.Candidate.Shop.Id} for query {q} (seed {seed})";
                    pool.Should().Contain(pick.Candidate, because);
                    Check(pick.Candidate, query, balance, found, places, settings.Value, because);
                    checkedPicks++;
                }
            }
        }
        checkedPicks.Should().BeGreaterThan(5_000, "the queries must find shops for the property to say anything");
    }

    private static void Check(Candidate pick, CandidateQuery query, int? balance, CandidateSet found, ServedPlaces places, RecommendationOptions settings, string because)
    {
        var shop = pick.Shop;
        shop.MealCard.Should().NotBe(MealCardAcceptance.No, because);
        if (query.IsMinor)
        {
            shop.NotForChildren.Should().BeFalse(because);
        }
        OpeningMargin.MinutesLeft(shop.Hours, query.LocalNow).Should().NotBe(0, because + ": closed at the meal time");
        if (pick.DistanceMeters is { } meters)
        {
            meters.Should().BeLessThanOrEqualTo(settings.MaxDistanceMeters, because);
            if (query.Location is { } origin && shop.Location is { } at && !pick.ApproximateDistance)
            {
                origin.DistanceMetersTo(at).Should().BeApproximately(meters, 1, because);
            }
        }
        if (query.BudgetCap is { } cap && found.Fitting.Count > 0)
        {
            pick.Meal.Should().NotBeNull(because);
            shop.Menus.Should().Contain(pick.Meal!, because);
            pick.Meal!.Price.Should().BeLessThanOrEqualTo(cap, because + ": over the budget");
            if (balance is { } left)
            {
                pick.Meal.Price.Should().BeLessThanOrEqualTo(left, because + ": over the card's balance");
            }
        }
        else if (query.BudgetCap is { } typicalCap && found.PriceUnknown.Count > 0 && found.Fitting.Count == 0)
        {
            pick.TypicalPrice.Should().NotBeNull(because).And.BeLessThanOrEqualTo(typicalCap, because);
        }
        if (query.Area is { } area && pick.Alternative == AlternativeKind.None)
        {
            places.Contains(area, shop).Should().BeTrue(because + $": outside {area.Name}");
        }
    }

    /// <summary>
    /// A query as the planner hands it to retrieval: somewhere near a shop (or in its area), a budget capped by the card's
    /// balance as the planner caps it, mostly a minor, any minute of the week, sometimes a food.
    /// </summary>
    private static CandidateQuery RandomQuery(Random random, IReadOnlyList<ShopRecord> shops, ServedPlaces places, out int? balance)
    {
        var anchor = shops[random.Next(shops.Count)];
        var location = anchor.Location is { } at && random.NextDouble() < 0.85
            ? new GeoPoint(at.Latitude + (random.NextDouble() - 0.5) * 0.02, at.Longitude + (random.NextDouble() - 0.5) * 0.02)
            : (GeoPoint?)null;
        int? said = random.NextDouble() < 0.7 ? 3_000 + 500 * random.Next(25) : null;
        balance = random.NextDouble() < 0.5 ? 2_000 + 500 * random.Next(30) : null;
        var cap = said is { } s && balance is { } b ? Math.Min(s, b) : said ?? balance;
        var when = SeoulClock.FromSeoulLocal(new DateTime(2026, 11, 23).AddMinutes(random.Next(7 * 24 * 60)));
        var query = new CandidateQuery(location, cap, random.NextDouble() < 0.4 ? Foods[random.Next(Foods.Length)] : null, [],
            IsMinor: random.NextDouble() < 0.9, when);
        if (random.NextDouble() < 0.2 && places.AreaNameOf(anchor) is { } name && places.Resolve(name, location).Area is { } area)
        {
            query = query with { Area = area };
        }
        return query;
    }

    /// <summary>Hard cases retrieval must filter out: shops unsafe for a minor, refusing the card, closed all week.</summary>
    private static IEnumerable<ShopRecord> Mutated(IReadOnlyList<ShopRecord> shops, Random random) => shops.Select(shop => random.Next(10) switch
    {
        0 => shop with { NotForChildren = true },
        1 => shop with { MealCard = MealCardAcceptance.No },
        2 => shop with { Hours = WeeklyHours.Same(DayHours.ClosedDay) },
        _ => shop,
    }).ToArray();

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddNaviyamGrainServices(new ConfigurationBuilder().Build());
        services.AddWideDeepRanking(WideDeepModelFormat.PathIn(new DataPaths()));
        return services.BuildServiceProvider();
    }

    /// <summary>Arms with the experiment sending every user to <paramref name="arm"/>.</summary>
    private static RankingArms AllTo(RankingArm arm, IServiceProvider services)
    {
        var builders = new Dictionary<RankingArm, IRankingFeatureBuilder>
        {
            [RankingArm.Heuristic] = services.GetRequiredKeyedService<IRankingFeatureBuilder>(RankingArm.Heuristic),
            [RankingArm.WideDeep] = services.GetRequiredKeyedService<IRankingFeatureBuilder>(RankingArm.WideDeep),
        };
        return new RankingArms(builders, new RankingExperimentOptions { WideDeepPercent = arm == RankingArm.WideDeep ? 100 : 0 });
    }

    /// <summary>Scores that ignore the features: whatever order a model could produce.</summary>
    private sealed class RandomScores(int seed) : IScoringModel
    {
        private readonly Random random = new(seed);

        public string Version => "random";

        public void Score(ReadOnlySpan<float> features, int featureCount, Span<float> scores)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = (float)random.NextDouble();
            }
        }
    }
}
