using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Catalog;
using Naviyam.Embeddings;
using Naviyam.Hosting;
using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.Embedding.Tests;

/// <summary>
/// The encoder in the served turn (<see cref="SemanticCandidates"/>, what <c>TurnPipeline</c> calls), with the committed
/// model and retrieval's own <see cref="CandidateSearch"/> from the product's registrations, over a small hand-made
/// street of meal-card shops: free wishes and an unknown menu name steer which eligible shops come first, a dish nobody
/// sells gets the nearest dishes that are sold, and the hard rules (age, budget) hold throughout.
/// </summary>
public sealed class ServedPathTests(ServedPathTests.Street street) : IClassFixture<ServedPathTests.Street>
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.FromHours(9));

    private static CandidateQuery Query(string? foodType = null, int? budget = 10_000) =>
        new(null, budget, foodType, [], IsMinor: true, Noon);

    [Theory]
    [InlineData("비 오는 날 먹기 좋은 거")]
    [InlineData("비 오니까 뜨끈한 게 땡겨")]
    public async Task A_free_wish_prefers_the_eligible_shops_whose_menus_are_nearest_and_keeps_the_hard_rules(string wish)
    {
        var plain = street.Search.Find(Query());
        var steered = await street.Semantic.FindAsync(street.Search, Query(), wish);

        plain.Fitting.Should().NotContain(c => c.FoodMatched);
        var wished = steered.Fitting.Where(c => c.FoodMatched).ToArray();
        // The nearest menus (김치전, 해물파전, 오뎅탕) are at the bar and the pancake shop; of what a child may have within
        // budget, the hot broth of 차돌박이 짬뽕 is the nearest.
        wished.Select(c => c.Meal!.Name).Should().Contain("차돌박이 짬뽕", string.Join(", ", wished.Select(c => c.Meal!.Name)));
        // Only what retrieval already allowed: the bar and the over-budget pancake shop (the best rainy-day menus) stay out.
        steered.Fitting.Select(c => c.Shop.Id).Should().BeEquivalentTo(plain.Fitting.Select(c => c.Shop.Id));
        steered.Fitting.Should().NotContain(c => c.Shop.Id == "test:pocha" || c.Shop.Id == "test:jeon");
    }

    [Fact]
    public async Task A_hearty_wish_is_steered_to_rice_and_meat_meals()
    {
        var steered = await street.Semantic.FindAsync(street.Search, Query(), "든든한 거");
        var wished = steered.Fitting.Where(c => c.FoodMatched).Select(c => c.Meal!.Name).ToArray();
        wished.Should().NotBeEmpty().And.Contain(name => name.Contains("제육", StringComparison.Ordinal) || name.Contains("밥", StringComparison.Ordinal)
            || name.Contains("돈까스", StringComparison.Ordinal), string.Join(", ", wished));
    }

    // "근처 맛집 추천해줘" and "지금 열린 곳" are far from every wish; "5000원으로 먹을 수 있는 거" is near wishes ("…먹을 수
    // 있는 거") but near no menu. ("아무거나 괜찮아" passes both gates and prefers 아이스티: a known miss, docs/embedding.md.)
    [Theory]
    [InlineData("근처 맛집 추천해줘")]
    [InlineData("지금 열린 곳")]
    [InlineData("5000원으로 먹을 수 있는 거")]
    public async Task A_request_that_wishes_for_nothing_in_particular_is_searched_as_before(string text)
    {
        var plain = street.Search.Find(Query());
        var result = await street.Semantic.FindAsync(street.Search, Query(), text);
        result.Fitting.Select(c => (c.Shop.Id, c.FoodMatched, c.Meal?.Name)).Should().Equal(plain.Fitting.Select(c => (c.Shop.Id, c.FoodMatched, c.Meal?.Name)));
    }

    [Fact]
    public async Task A_menu_name_no_lexicon_lists_reaches_the_shop_that_sells_it()
    {
        street.Lexicon.Find("차돌짬뽕").Should().BeNull("the lexicon does not list it");
        var result = await street.Semantic.FindAsync(street.Search, Query("차돌짬뽕"), "차돌짬뽕 먹고 싶어");
        result.Fitting.Where(c => c.FoodMatched).Select(c => c.Shop.Id).Should().Contain("test:chadol");
        result.Fitting.Single(c => c.Shop.Id == "test:chadol").Meal!.Name.Should().Be("차돌박이 짬뽕");
    }

    [Fact]
    public async Task An_unlisted_dish_is_matched_only_by_the_shops_whose_menus_name_it()
    {
        street.Lexicon.Find("차돌짬뽕").Should().BeNull();
        var result = await street.Semantic.FindAsync(street.Search, Query("차돌짬뽕"), "차돌짬뽕 먹고 싶어");

        // The reply promises that dish: no other shop may stand beside the one that sells it.
        result.Fitting.Should().ContainSingle().Which.Shop.Id.Should().Be("test:chadol");
        result.Outcome.Matched.Should().BeTrue();
    }

    [Fact]
    public async Task An_unlisted_dish_dearer_than_the_budget_names_the_budget_and_the_cheapest_of_it()
    {
        var result = await street.Semantic.FindAsync(street.Search, Query("차돌짬뽕", budget: 5_000), "5000원으로 차돌짬뽕 먹고 싶어");

        result.Fitting.Should().BeEmpty();
        result.Outcome.Limits.Should().Equal(SearchLimit.Budget);
        result.CheapestEligible!.Meal!.Name.Should().Be("차돌박이 짬뽕");
    }

    [Fact]
    public async Task An_unlisted_dish_nobody_sells_says_so_and_offers_only_similar_dishes_marked_as_such()
    {
        var result = await street.Semantic.FindAsync(street.Search, Query("각재기국"), "각재기국 먹고 싶어");

        result.Fitting.Should().BeEmpty();
        result.PriceUnknown.Should().BeEmpty();
        result.Outcome.Limits.Should().StartWith(SearchLimit.Dish);
        result.Alternatives.Should().OnlyContain(c => c.Alternative == AlternativeKind.SimilarDish);
    }

    [Fact]
    public async Task An_unlisted_dish_only_a_shop_name_says_is_offered_as_might_serve_it()
    {
        var result = await street.Semantic.FindAsync(street.Search, Query("흑돼지", budget: null), "흑돼지 먹고 싶어");

        result.Fitting.Should().BeEmpty("no menu says it: nothing is a confirmed match");
        result.Outcome.Limits.Should().Equal(SearchLimit.Dish);
        result.Outcome.Alternatives.Should().Be(AlternativeKind.MightServe);
        result.Alternatives.Should().ContainSingle().Which.Shop.Id.Should().Be("test:heuk");
    }

    [Fact]
    public async Task A_dish_nobody_sells_is_answered_with_the_nearest_dishes_that_are_sold()
    {
        var plain = street.Search.Find(Query("콩국수"));
        plain.Fitting.Should().BeEmpty();
        plain.Alternatives.Should().BeEmpty("no shop sells a 국수 the lexicon would call similar");

        var result = await street.Semantic.FindAsync(street.Search, Query("콩국수"), "콩국수 먹고 싶어");

        result.Outcome.Limits.Should().Contain(SearchLimit.Dish);
        result.Outcome.Alternatives.Should().Be(AlternativeKind.SimilarDish);
        result.Alternatives.Should().NotBeEmpty().And.OnlyContain(c => c.Alternative == AlternativeKind.SimilarDish && c.Meal!.Price <= 10_000);
        result.Alternatives.Select(c => c.Meal!.Name).Should().Contain("물냉면", string.Join(", ", result.Alternatives.Select(c => c.Meal!.Name)));
    }

    [Fact]
    public async Task A_dish_that_is_sold_is_left_to_retrieval()
    {
        var plain = street.Search.Find(Query("김밥"));
        var result = await street.Semantic.FindAsync(street.Search, Query("김밥"), "김밥 먹고 싶어");
        result.Fitting.Select(c => (c.Shop.Id, c.FoodMatched)).Should().Equal(plain.Fitting.Select(c => (c.Shop.Id, c.FoodMatched)));
    }

    [Fact]
    public async Task A_failing_encoder_costs_the_refinement_never_the_turn()
    {
        await using var failing = new Street();
        await failing.InitializeAsync();
        failing.Encoder.Dispose();

        var plain = failing.Search.Find(Query());
        var result = await failing.Semantic.FindAsync(failing.Search, Query(), "비 오니까 뜨끈한 국물 없나");
        result.Fitting.Select(c => (c.Shop.Id, c.FoodMatched)).Should().Equal(plain.Fitting.Select(c => (c.Shop.Id, c.FoodMatched)));
    }

    /// <summary>Eight meal-card shops served by the product's registrations with the committed encoder, its vector index built.</summary>
    public sealed class Street : IAsyncLifetime, IAsyncDisposable
    {
        private readonly ServiceProvider services = new ServiceCollection()
            .AddNaviyamGrainServices(new ConfigurationBuilder().Build())
            .AddNaviyamSemanticRetrieval(new ConfigurationBuilder().Build())
            .BuildServiceProvider();

        public CandidateSearch Search => services.GetRequiredService<CandidateSearch>();

        public SemanticCandidates Semantic => services.GetRequiredService<SemanticCandidates>();

        public Naviyam.Lexicons.DishNames Lexicon => services.GetRequiredService<Naviyam.Lexicons.DishNames>();

        public TextEncoder Encoder => services.GetRequiredService<TextEncoder>();

        public async Task InitializeAsync()
        {
            services.GetRequiredService<IShopCatalog>().Load([
                Shop("chadol", "온기반점", FoodCategory.Chinese, ("차돌박이 짬뽕", 9_000), ("군만두", 6_000)),
                Shop("bunsik", "해님분식", FoodCategory.Bunsik, ("김밥", 4_000), ("라볶이", 6_000)),
                Shop("chicken", "별빛치킨", FoodCategory.Chicken, ("후라이드치킨", 9_500)),
                Shop("naengmyeon", "시원면옥", FoodCategory.Korean, ("물냉면", 9_000), ("비빔냉면", 9_000)),
                Shop("home", "엄마손밥상", FoodCategory.Korean, ("제육볶음", 8_000), ("김치찌개", 8_000), ("된장찌개", 8_000)),
                Shop("cafe", "구름카페", FoodCategory.CafeDessert, ("아이스티", 4_000), ("허니브레드", 6_000)),
                Shop("pocha", "골목포차", FoodCategory.Korean, ("오뎅탕", 9_000), ("김치전", 9_000)) with { NotForChildren = true },
                Shop("jeon", "비오는날 전집", FoodCategory.Korean, ("모둠전", 15_000), ("해물파전", 16_000)),
                // As most real lists give it: no menu at all, only a name that says what it serves.
                Shop("heuk", "제주흑돼지마을", FoodCategory.Other),
            ]);
            await services.GetRequiredService<CatalogVectorIndex>().BuildAsync();
        }

        private static ShopRecord Shop(string id, string name, FoodCategory category, params (string Name, int Price)[] menus) =>
            TestData.Shop(id, name, category) with
            {
                MealCard = MealCardAcceptance.Yes,
                Menus = menus.Select(m => new MenuItem(m.Name, m.Price, MenuKind.Meal)).ToArray(),
            };

        public async Task DisposeAsync() => await services.DisposeAsync();

        async ValueTask IAsyncDisposable.DisposeAsync() => await services.DisposeAsync();
    }
}
