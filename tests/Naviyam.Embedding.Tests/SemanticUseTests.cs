using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Catalog;
using Naviyam.Catalog.Import.DataGeneration;
using Naviyam.Embeddings;
using Naviyam.Hosting;
using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.Embedding.Tests;

/// <summary>
/// What the encoder is for, shown with the committed model on a generated city of 1,000 shops wired by the product's
/// own registrations: free wishes that the dishes.json lexicon does not catch, menu names no lexicon lists, and
/// "something similar" for a dish nobody sells. Phrases marked held out were never trained on (the split is in
/// metrics.json); the others are the team's wish file's own and show the use, not generalisation.
/// </summary>
public sealed class SemanticUseTests(SemanticUseTests.City city) : IClassFixture<SemanticUseTests.City>
{
    [Theory]
    [InlineData("비 오는 날 먹기 좋은 거", 4)]
    [InlineData("비 오니까 따뜻한 국물", 4)] // held out
    public async Task A_rainy_day_wish_finds_soups_and_pancakes(string wish, int atLeast)
    {
        var dishes = await city.Search.SimilarDishesAsync(wish, 8);
        var soup = city.Kinds.From("국물", null)!;
        dishes.Count(d => soup.Matches(d.MenuName) || d.MenuName.EndsWith('전')).Should().BeGreaterThanOrEqualTo(atLeast, Describe(dishes));
    }

    [Theory]
    [InlineData("든든한 거")]
    [InlineData("배 든든하게 채울 밥")] // held out
    public async Task A_hearty_wish_finds_rice_and_meat_meals(string wish)
    {
        city.Kinds.From(EmbeddingDataset(wish), null).Should().BeNull("the dishes.json lexicon has no cue for it");
        string[] hearty = ["밥", "도시락", "제육", "불고기", "돈까스", "국밥", "덮밥", "비빔"];
        var dishes = await city.Search.SimilarDishesAsync(wish, 8);
        dishes.Count(d => hearty.Any(h => d.MenuName.Contains(h, StringComparison.Ordinal))).Should().BeGreaterThanOrEqualTo(6, Describe(dishes));
    }

    [Theory]
    [InlineData("시원한 거")]
    [InlineData("차가운 음식")] // held out
    public async Task A_cool_wish_finds_cold_dishes_drinks_and_desserts(string wish)
    {
        var cold = city.Kinds.From("시원한거", null)!;
        var dishes = await city.Search.SimilarDishesAsync(wish, 8);
        dishes.Count(d => cold.Matches(d.MenuName) || city.KindOf(d.MenuName) is MenuKind.Drink or MenuKind.Dessert)
            .Should().BeGreaterThanOrEqualTo(5, Describe(dishes));
    }

    [Fact]
    public void The_rainy_and_cold_wishes_are_ones_the_lexicon_misses()
    {
        city.Kinds.From(EmbeddingDataset("비 오는 날 먹기 좋은 거"), null).Should().BeNull();
        city.Kinds.From(EmbeddingDataset("차가운 음식"), null).Should().BeNull();
    }

    [Fact]
    public async Task A_menu_name_no_lexicon_lists_is_found_for_the_dish_it_is_a_kind_of()
    {
        var eligible = new[] { "test:chadol", "test:bunsik", "test:chicken" };
        var matches = await city.Search.FindShopsAsync("짬뽕 먹고 싶어", eligible, 3);

        matches[0].ShopId.Should().Be("test:chadol");
        matches[0].Menu!.Name.Should().Be("차돌박이 짬뽕");
        (await city.Search.SimilarDishesAsync("짬뽕", 3)).Select(d => d.MenuName).Should().Contain("차돌박이 짬뽕");
    }

    [Fact]
    public async Task A_dish_nobody_sells_gets_the_nearest_dishes_that_are_sold()
    {
        city.Shops.SelectMany(s => s.Menus).Should().NotContain(m => m.Name.Contains("콩국수"));
        var similar = await city.Search.SimilarDishesAsync("콩국수", 3);
        similar.Select(d => d.MenuName).Should().Contain(name => name.EndsWith("국수", StringComparison.Ordinal) || name.EndsWith("냉면", StringComparison.Ordinal)
            || name.EndsWith("모밀", StringComparison.Ordinal), Describe(similar));
        similar.Should().OnlyContain(d => d.Shops > 0);
    }

    [Fact]
    public async Task Only_the_eligible_shops_are_searched()
    {
        var eligible = city.Shops.Where(s => s.Category == FoodCategory.Chinese).Take(5).Select(s => s.Id).ToArray();
        var matches = await city.Search.FindShopsAsync("비 오는 날 먹기 좋은 거", eligible, 10);
        matches.Select(m => m.ShopId).Should().BeSubsetOf(eligible).And.HaveCount(5);
    }

    [Fact]
    public async Task Hybrid_ranking_joins_the_lexical_score_and_the_vector_and_caches_the_result()
    {
        var candidates = new[] { new LexicalCandidate("test:chicken", 0.0), new LexicalCandidate("test:chadol", 0.0), new LexicalCandidate("test:bunsik", 1.0) };
        var ranked = await city.Search.RankAsync("짬뽕 먹고 싶어", candidates, 3);

        ranked.Select(d => d.ShopId).Should().Equal("test:bunsik", "test:chadol", "test:chicken");
        ranked[1].MenuName.Should().Be("차돌박이 짬뽕");
        ranked[1].Similarity.Should().BeGreaterThan(ranked[2].Similarity);
        var before = city.QueryCache.Counters.L1Hits;
        (await city.Search.RankAsync("짬뽕  먹고 싶어!", candidates, 3)).Should().BeEquivalentTo(ranked, o => o.WithStrictOrdering());
        city.QueryCache.Counters.L1Hits.Should().Be(before + 1);
    }

    private static string EmbeddingDataset(string text) => Naviyam.Training.Embedding.EmbeddingDataset.Compact(text);

    private static string Describe(IEnumerable<DishMatch> dishes) => string.Join(", ", dishes.Select(d => $"{d.MenuName} {d.Similarity:F2}"));

    /// <summary>A generated city and three hand-made shops, served by the product's registrations with the committed encoder.</summary>
    public sealed class City : IDisposable
    {
        private readonly ServiceProvider services;
        private readonly Dictionary<string, MenuKind> kinds;

        public City()
        {
            var configuration = new ConfigurationBuilder().Build();
            services = new ServiceCollection()
                .AddNaviyamGrainServices(configuration)
                .AddNaviyamSemanticRetrieval(configuration)
                .BuildServiceProvider();
            Shops =
            [
                .. CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = 1_000, UserCount = 0, Seed = 7 }).Shops,
                TestData.Shop("chadol", "온기반점", FoodCategory.Chinese, "차돌박이 짬뽕", "군만두"),
                TestData.Shop("bunsik", "해님분식", FoodCategory.Bunsik, "김밥", "라볶이"),
                TestData.Shop("chicken", "별빛치킨", FoodCategory.Chicken, "후라이드치킨", "양념치킨"),
            ];
            services.GetRequiredService<IShopCatalog>().Load(Shops);
            kinds = Shops.SelectMany(s => s.Menus).GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.First().Kind);
        }

        public IReadOnlyList<ShopRecord> Shops { get; }

        public SemanticSearch Search => services.GetRequiredService<SemanticSearch>();

        public QueryResultCache QueryCache => services.GetRequiredService<QueryResultCache>();

        public DishPreferences Kinds => services.GetRequiredService<DishPreferences>();

        public MenuKind? KindOf(string menuName) => kinds.TryGetValue(menuName, out var kind) ? kind : null;

            public void Dispose() => services.Dispose();
    }
}
