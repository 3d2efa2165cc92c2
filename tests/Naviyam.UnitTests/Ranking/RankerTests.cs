using Microsoft.Extensions.Options;
using Naviyam.Hosting;
using Naviyam.Ranking;
using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Ranking;

public class RankerTests
{
    private static Ranker InProcess(int maxResults = 3) =>
        new(new InProcessScorer(new HeuristicScoringModel()), Options.Create(new RecommendationOptions { MaxResults = maxResults }));

    private static Candidate Shop(string id, int price, bool? open = true, double meters = 300) => new(
        new ShopRecord { Id = id, Source = "test", SourceId = id, Name = id, Category = FoodCategory.Bunsik, MealCard = MealCardAcceptance.Yes },
        new MenuItem("김밥", price, MenuKind.Meal), open, meters, FoodMatched: false);

    [Fact]
    public async Task The_best_scored_shops_are_kept_best_first_up_to_MaxResults()
    {
        var ranked = await InProcess(maxResults: 2).RankAsync(
            [Shop("far", 4_000, meters: 3_000), Shop("hours-unknown", 4_000, open: null, meters: 3_000), Shop("near", 4_000, meters: 50)],
            budgetCap: 5_000);

        ranked.Top.Select(p => p.Candidate.Shop.Id).Should().Equal("near", "far");
        ranked.Top[0].Score.Should().BeGreaterThan(ranked.Top[1].Score);
        ranked.ModelVersion.Should().Be("heuristic-1");
    }

    [Fact]
    public async Task Equal_scores_are_ordered_by_shop_id()
    {
        var ranked = await InProcess().RankAsync([Shop("b", 4_000), Shop("c", 4_000), Shop("a", 4_000)], budgetCap: 5_000);

        ranked.Top.Select(p => p.Candidate.Shop.Id).Should().Equal("a", "b", "c");
    }

    [Fact]
    public async Task Where_everything_else_ties_the_nearer_shop_ranks_first()
    {
        var ranked = await InProcess().RankAsync([Shop("a", 4_000, meters: 970), Shop("b", 4_000, meters: 620), Shop("c", 4_000, meters: 1_500)], budgetCap: 5_000);

        ranked.Top.Select(p => p.Candidate.DistanceMeters).Should().Equal(620, 970, 1_500);
    }

    [Fact]
    public async Task Equal_scores_go_to_the_nearer_shop_before_the_shop_id()
    {
        // Far beyond the half-life nearness is the same float for both; the distance still decides.
        var ranked = await InProcess().RankAsync([Shop("a", 4_000, meters: 60_001), Shop("b", 4_000, meters: 60_000)], budgetCap: 5_000);

        ranked.Top.Select(p => p.Candidate.Shop.Id).Should().Equal("b", "a");
    }

    [Fact]
    public async Task No_candidates_asks_no_model()
    {
        var ranked = await InProcess().RankAsync([], budgetCap: 5_000);

        ranked.Should().BeSameAs(RankedShops.None);
    }

    [Fact]
    public void A_matrix_that_does_not_divide_into_rows_is_refused() =>
        new HeuristicScoringModel().Invoking(m => m.Score(new RankRequest(RankingFeatures.Count, new float[RankingFeatures.Count + 1])))
            .Should().Throw<ArgumentException>();
}
