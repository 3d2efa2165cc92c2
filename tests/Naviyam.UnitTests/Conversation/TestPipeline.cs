using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Naviyam.Cards;
using Naviyam.Catalog;
using Naviyam.Chat;
using Naviyam.Conversation;
using Naviyam.Coupons;
using Naviyam.Logging;
using Naviyam.Nlu;
using Naviyam.Orders;
using Naviyam.Profiles;
using Naviyam.Ranking;
using Naviyam.Reply;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.UnitTests.Places;
using static Naviyam.UnitTests.Retrieval.TestShops;

namespace Naviyam.UnitTests.Conversation;

/// <summary>
/// Whole turns through the real stages (rule NLU, actions, planner, retrieval, heuristic ranking in process, coupons,
/// reply) over a hand-made catalog, without a host: the user's context is given instead of read from grains, and so is
/// the checkout (one that refuses every call unless the test gives its own).
/// </summary>
internal sealed class TestPipeline : IDisposable
{
    private readonly ServiceProvider metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MemoryCache cache = new(new MemoryCacheOptions());
    private readonly ShopCatalog catalog;
    private readonly ServedPlaces places;
    private readonly ICardCheckout checkout;

    public TestPipeline(params ShopRecord[] shops)
        : this(new RefusingCheckout(), shops)
    {
    }

    public TestPipeline(ICardCheckout checkout, params ShopRecord[] shops)
    {
        this.checkout = checkout;
        catalog = CatalogOf(shops);
        places = new ServedPlaces(catalog, PlacesTestData.Areas);
    }

    public void Dispose()
    {
        metrics.Dispose();
        cache.Dispose();
    }

    public static TurnContext Child(int? balance = null, params WalletCoupon[] wallet) => new(
        UserProfile.Empty with { AgeGroup = "child" },
        balance is { } b ? new FoodCardSummary(true, b, "ACTIVE", "아동") : FoodCardSummary.NoCard,
        wallet);

    public TurnPipeline For(TurnContext user, DateTimeOffset now)
    {
        var options = Recommendations();
        var nlu = new CachedNlu(TestLexicons.Nlu(), cache, metrics.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            new NluPredictionLog(new DiscardingNluPredictionSink(), NullLogger<NluPredictionLog>.Instance), TimeProvider.System);
        return new TurnPipeline(
            TestLexicons.Normalizer,
            new GivenContext(user),
            nlu,
            ConversationActionsFor.Catalog(catalog, now, checkout),
            Planner(catalog, now, places),
            Search(catalog, places),
            new Ranker(new InProcessScorer(new HeuristicScoringModel()), options),
            new RecommendationPresenter(new ReplyComposer(), catalog, places),
            new SlotTracker(TestLexicons.FollowUpPhrases));
    }

    /// <summary>One turn; <paramref name="at"/> is the device's location (none when null).</summary>
    public async Task<ChatReply> SayAsync(string text, TurnContext user, GeoPoint? at, Entities? slots = null, int? age = null,
        DateTimeOffset? now = null, ChatReply? previous = null, SessionHistory? history = null, string? turnId = null) =>
        (await For(user, now ?? SeoulNoon).RunAsync(new ChatTurn("u1", turnId ?? Guid.NewGuid().ToString(), text, at, age), slots ?? Entities.None,
            previous, history)).Reply;

    /// <summary>The user's context as given by the test, in place of the profile, card and wallet grains.</summary>
    private sealed class GivenContext(TurnContext user) : ITurnContextSource
    {
        public Task<TurnContext> GetAsync(string userId) => Task.FromResult(user);
    }
}
