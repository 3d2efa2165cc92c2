using Microsoft.Extensions.Options;
using Naviyam.Learning;
using Naviyam.Lexicons;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Time;

namespace Naviyam.Ranking.Tests;

public sealed class DiversityAndExplanationTests
{
    private static readonly DateTimeOffset Dinner = SeoulClock.FromSeoulLocal(new DateTime(2026, 11, 25, 18, 30, 0));

    private static Candidate Shop(string id, FoodCategory category, double meters, string? name = null, bool matched = false, double popularity = 0.3, int price = 5_000) =>
        new(new ShopRecord
        {
            Id = id, Source = "test", SourceId = id, Name = name ?? $"가게 {id}", Category = category, MealCard = MealCardAcceptance.Yes,
            Popularity = popularity,
        }, new MenuItem("밥", price, MenuKind.Meal), true, meters, matched);

    private static Ranker Heuristic() => new(new InProcessScorer(new HeuristicScoringModel()), Options.Create(new RecommendationOptions { MaxResults = 3 }));

    [Fact]
    public async Task The_top_three_are_not_all_one_category_unless_a_food_was_asked()
    {
        Candidate[] candidates =
        [
            Shop("a", FoodCategory.Bunsik, 100), Shop("b", FoodCategory.Bunsik, 150), Shop("c", FoodCategory.Bunsik, 200),
            Shop("d", FoodCategory.Bunsik, 250), Shop("e", FoodCategory.Chinese, 900),
        ];

        var open = await Heuristic().RankAsync(candidates, new RankingSituation("kid", Dinner, 8_000));
        var asked = await Heuristic().RankAsync(candidates, new RankingSituation("kid", Dinner, 8_000, FoodAsked: true));

        open.Top.Select(p => p.Candidate.Shop.Id).Should().Equal("a", "b", "e");
        asked.Top.Select(p => p.Candidate.Shop.Id).Should().Equal("a", "b", "c");
    }

    [Fact]
    public async Task The_top_three_are_not_all_one_chain_even_when_the_food_was_asked()
    {
        Candidate[] candidates =
        [
            Shop("a", FoodCategory.Bunsik, 100, "김밥천국 역삼점", true), Shop("b", FoodCategory.Korean, 150, "김밥천국 강남역점", true),
            Shop("c", FoodCategory.Bunsik, 200, "김밥천국(서초점)", true), Shop("d", FoodCategory.Bunsik, 800, "엄마손 분식", true),
        ];

        var ranked = await Heuristic().RankAsync(candidates, new RankingSituation("kid", Dinner, 8_000, FoodAsked: true));

        ranked.Top.Select(p => p.Candidate.Shop.Id).Should().Equal("a", "b", "d");
        PickDiversity.ChainOf(candidates[2]).Should().Be("김밥천국");
        PickDiversity.ChainOf(candidates[3]).Should().Be("엄마손 분식");
    }

    [Fact]
    public async Task When_every_candidate_is_alike_the_order_stays()
    {
        Candidate[] candidates = [Shop("a", FoodCategory.Bunsik, 100), Shop("b", FoodCategory.Bunsik, 150), Shop("c", FoodCategory.Bunsik, 200)];

        var ranked = await Heuristic().RankAsync(candidates, new RankingSituation("kid", Dinner, 8_000));

        ranked.Top.Select(p => p.Candidate.Shop.Id).Should().Equal("a", "b", "c");
    }

    [Fact]
    public async Task Each_pick_names_the_factors_that_drove_its_score_most_first()
    {
        Candidate[] candidates =
        [
            Shop("near", FoodCategory.Korean, 50), Shop("match", FoodCategory.Chinese, 1_500, matched: true),
            Shop("popular", FoodCategory.Japanese, 1_500, popularity: 1), Shop("x", FoodCategory.Western, 1_500), Shop("y", FoodCategory.Korean, 1_500),
        ];

        var ranked = await Heuristic().RankAsync(candidates, new RankingSituation("kid", Dinner, 8_000));

        var byShop = ranked.Top.ToDictionary(p => p.Candidate.Shop.Id, p => p.Drivers);
        byShop["near"].Should().StartWith(ScoreDrivers.Distance);
        byShop["match"].Should().StartWith(ScoreDrivers.FoodMatch);
        byShop["popular"].Should().StartWith(ScoreDrivers.Popularity);
        ranked.Top.Should().OnlyContain(p => !p.Drivers.Contains(ScoreDrivers.Personal), "the heuristic knows nothing of the user");
    }

    [Fact]
    public async Task The_wide_deep_model_is_explained_by_the_same_counterfactuals_and_its_reasons_lead_with_them()
    {
        using var model = new OnnxWideDeepScoringModel(WideDeepModelFile.Load(WideDeepModelFormat.PathIn(new DataPaths())));
        var arms = new RankingArms(new Dictionary<RankingArm, IRankingFeatureBuilder>
        {
            [RankingArm.Heuristic] = new HeuristicFeatureBuilder(), [RankingArm.WideDeep] = new WideDeepFeatureBuilder(),
        }, new RankingExperimentOptions { WideDeepPercent = 100 });
        var ranker = new Ranker(new InProcessScorer(new Dictionary<RankingArm, IScoringModel> { [RankingArm.Heuristic] = new HeuristicScoringModel(), [RankingArm.WideDeep] = model }),
            arms, Options.Create(new RecommendationOptions { MaxResults = 3 }), new FeatureMemory());
        var candidates = Enumerable.Range(0, 30).Select(i => Shop($"s{i}", (FoodCategory)(1 + i % 13), 100 + 150 * i, matched: i % 7 == 0, popularity: i % 10 / 10.0, price: 3_000 + 200 * i)).ToArray();

        var ranked = await ranker.RankAsync(candidates, new RankingSituation("demo-3", Dinner, 9_000, FoodAsked: true));

        ranked.Arm.Should().Be(RankingArm.WideDeep);
        ranked.Top.Should().OnlyContain(p => p.Drivers.Count > 0 && p.Drivers.Count <= ScoreDrivers.MaxDrivers);
        var reasons = ModelReasons.Arrange([(ScoreDrivers.MealCard, "급식카드 가맹점"), (ScoreDrivers.Distance, "100m 거리")], [ScoreDrivers.Distance, ScoreDrivers.Popularity], candidates[0]);
        reasons.Should().Equal("100m 거리", "많이 찾는 가게", "급식카드 가맹점");
    }
    [Fact]
    public void The_learned_taste_is_told_only_when_the_users_own_history_supports_it()
    {
        var candidate = Shop("s1", FoodCategory.Korean, 300, matched: true, popularity: 0.5, price: 6_000);
        string[] drivers = [ScoreDrivers.Personal];

        ModelReasons.Arrange([], drivers, candidate).Should().BeEmpty("a first-time user has no habits to point to");
        ModelReasons.Arrange([], drivers, candidate, new PersonalSignals(0.1, ChosenBefore: false, 0, 0, null)).Should().BeEmpty();
        ModelReasons.Arrange([], drivers, candidate, new PersonalSignals(0.4, ChosenBefore: false, 0, 0, null)).Should().Equal("평소 자주 고르는 종류");
        ModelReasons.Arrange([], drivers, candidate, new PersonalSignals(0.4, ChosenBefore: true, 0, 0, null)).Should().Equal("전에 골랐던 가게");
    }
}
