using Microsoft.Extensions.Options;
using Naviyam.Learning;
using Naviyam.Lexicons;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Time;

namespace Naviyam.Ranking.Tests;

/// <summary>
/// A shop of which nothing is known (no menu, no hours) never leads a list that has shops with a priced meal or known
/// hours, in either arm: on a list without hours (Jeju's) a generic "뭐 먹지" used to open with such shops.
/// </summary>
public class UnknownShopOrderTests
{
    private static readonly DateTimeOffset Lunch = SeoulClock.FromSeoulLocal(new DateTime(2026, 11, 25, 12, 10, 0));

    private static ShopRecord Record(string id, FoodCategory category, double popularity) => new()
    {
        Id = id, Source = "test", SourceId = id, Name = $"가게 {id}", Category = category, MealCard = MealCardAcceptance.Yes,
        Popularity = popularity,
    };

    /// <summary>Shops with nothing known: popular, and the kind a generic request likes.</summary>
    private static Candidate Unknown(string id) => new(Record(id, FoodCategory.Korean, 0.9), null, null, null, false, TypicalPrice: 8_000);

    /// <summary>Shops with a priced meal but, like every shop of the Jeju list, no hours.</summary>
    private static Candidate Priced(string id, int price) =>
        new(Record(id, FoodCategory.Western, 0.1), new MenuItem("스테이크", price, MenuKind.Meal), null, null, false);

    public static TheoryData<string> Arms => ["heuristic", "wide-deep"];

    [Theory]
    [MemberData(nameof(Arms))]
    public async Task Shops_with_a_priced_meal_come_before_shops_of_which_nothing_is_known(string arm)
    {
        using var model = new OnnxWideDeepScoringModel(WideDeepModelFile.Load(WideDeepModelFormat.PathIn(new DataPaths())));
        var arms = new RankingArms(new Dictionary<RankingArm, IRankingFeatureBuilder>
        {
            [RankingArm.Heuristic] = new HeuristicFeatureBuilder(), [RankingArm.WideDeep] = new WideDeepFeatureBuilder(),
        }, new RankingExperimentOptions { WideDeepPercent = arm == "wide-deep" ? 100 : 0 });
        var ranker = new Ranker(new InProcessScorer(new Dictionary<RankingArm, IScoringModel>
        {
            [RankingArm.Heuristic] = new HeuristicScoringModel(), [RankingArm.WideDeep] = model,
        }), arms, Options.Create(new RecommendationOptions { MaxResults = 3 }), new FeatureMemory());
        Candidate[] candidates = [Unknown("u1"), Unknown("u2"), Unknown("u3"), Priced("p1", 32_000), Priced("p2", 35_000), Unknown("u4")];

        var ranked = await ranker.RankAsync(candidates, new RankingSituation("demo-1", Lunch, null));

        ranked.Top.Select(pick => pick.Candidate.Shop.Id).Take(2).Should().BeEquivalentTo(["p1", "p2"]);
        ranked.Top[2].Candidate.Shop.Id.Should().StartWith("u", "with nothing else known, an unknown shop still fills the list");
    }

    [Fact]
    public void Known_hours_alone_make_a_shop_known()
    {
        Ranker.KnowsNothing(Unknown("u")).Should().BeTrue();
        Ranker.KnowsNothing(Unknown("u") with { OpenNow = true }).Should().BeFalse();
        Ranker.KnowsNothing(Priced("p", 9_000)).Should().BeFalse();
    }
}
