using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Naviyam.Catalog;
using Naviyam.Conversation;
using Naviyam.Logging;
using Naviyam.Nlu;
using Naviyam.Orders;
using Naviyam.Ranking;
using Naviyam.Reply;
using static Naviyam.UnitTests.Retrieval.TestShops;

namespace Naviyam.UnitTests.Conversation;

/// <summary>
/// Whole turns through the real stages (rule NLU, actions, planner, retrieval, heuristic ranking in process, coupons,
/// reply) over a hand-made catalog, without a host: the user's context is given, and so is the checkout.
/// </summary>
internal static class TestPipeline
{
    public static TurnPipeline Build(IShopCatalog catalog, TurnContext user, DateTimeOffset now, ICardCheckout checkout,
        IMemoryCache cache, System.Diagnostics.Metrics.IMeterFactory meters)
    {
        var nlu = new CachedNlu(TestLexicons.Nlu(), cache, meters,
            new NluPredictionLog(new DiscardingNluPredictionSink(), NullLogger<NluPredictionLog>.Instance), TimeProvider.System);
        return new TurnPipeline(
            TestLexicons.Normalizer,
            new GivenContext(user),
            nlu,
            ConversationActionsFor.Catalog(catalog, now, checkout),
            Planner(catalog, now),
            Search(catalog),
            new Ranker(new InProcessScorer(new HeuristicScoringModel()), Recommendations()),
            new RecommendationPresenter(new ReplyComposer(), catalog),
            new SlotTracker(TestLexicons.FollowUpPhrases));
    }

    /// <summary>The user's context as given by the test, in place of the profile, card and wallet grains.</summary>
    private sealed class GivenContext(TurnContext user) : ITurnContextSource
    {
        public Task<TurnContext> GetAsync(string userId) => Task.FromResult(user);
    }
}
