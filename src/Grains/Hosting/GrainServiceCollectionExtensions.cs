using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Naviyam.Cards;
using Naviyam.Catalog;
using Naviyam.Conversation;
using Naviyam.Coupons;
using Naviyam.Learning;
using Naviyam.Lexicons;
using Naviyam.Logging;
using Naviyam.Nlu;
using Naviyam.Orders;
using Naviyam.Places;
using Naviyam.Preprocessing;
using Naviyam.Profiles;
using Naviyam.Ranking;
using Naviyam.Reply;
using Naviyam.Retrieval;
using Naviyam.Time;

namespace Naviyam.Hosting;

public static class GrainServiceCollectionExtensions
{
    /// <summary>
    /// Registers the turn pipeline's stages, the same in every storage mode. The stores (shops, cards, coupons,
    /// orders, the turn journal, the NLU log and the profile mirror) come from the storage mode the host chose:
    /// <see cref="InMemoryStoreServiceCollectionExtensions.AddNaviyamInMemoryStores"/> or the MySQL library's.
    /// </summary>
    public static IServiceCollection AddNaviyamGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RecommendationOptions>().Bind(configuration.GetSection(RecommendationOptions.Section))
            .PostConfigure(options => options.ApplyDefaults())
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddValidatedOptions<SessionOptions>(configuration, SessionOptions.Section);
        services.AddValidatedOptions<ProfileOptions>(configuration, ProfileOptions.Section);
        services.AddValidatedOptions<OrderOptions>(configuration, OrderOptions.Section);
        services.AddMemoryCache(options => options.SizeLimit = 100_000);
        // Every host has these already; registering them here keeps the stages usable from any container (tools, benchmarks).
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SeoulClock>();

        services.AddValidatedOptions<DataPaths>(configuration, DataPaths.Section);
        services.AddSingleton(sp => EmojiSignals.Load(Lexicon(sp, "emoji.json")));
        services.AddSingleton(sp => SlangLexicon.Load(Lexicon(sp, "slang.json")));
        services.AddSingleton(sp => FoodLexicon.Load(Lexicon(sp, "foods.json")));
        services.AddSingleton(sp => CueLexicon.Load(Lexicon(sp, "cues.json")));
        services.AddSingleton(sp =>
        {
            var places = PlaceGazetteer.Load(Lexicon(sp, "places.json"));
            // Every area as the gazetteer writes it, so "삼도2동" is a place though addresses spell it 삼도이동.
            places.LearnAreaNames(sp.GetRequiredService<AdminAreas>().Names());
            return places;
        });
        services.AddSingleton(sp => DietLexicon.Load(Lexicon(sp, "diet.json")));
        services.AddSingleton(sp => SpicyDishes.Load(Lexicon(sp, "spicy.json")));
        services.AddSingleton(sp => DishPreferences.Load(Lexicon(sp, "dishes.json"), sp.GetRequiredService<SpicyDishes>()));
        services.AddSingleton(sp => FollowUpPhrases.Load(Lexicon(sp, "followups.json")));
        services.AddSingleton(sp => new DishNames(sp.GetRequiredService<FoodLexicon>()));
        // The gazetteer: one copy per host, whoever asks for it first (import, retrieval).
        services.TryAddSingleton(sp => AdminAreas.LoadDefault(sp.GetRequiredService<IOptions<DataPaths>>().Value));
        services.AddSingleton(sp => RefusalLexicon.Load(Lexicon(sp, "refusals.json")));
        services.AddSingleton(sp => CardPhrases.Load(Lexicon(sp, "card.json")));

        services.AddSingleton<TextNormalizer>();
        services.AddSingleton<IServedMenuWords, CatalogMenuWords>();
        services.AddSingleton<EntityExtractor>();
        services.AddSingleton<RuleIntentClassifier>();
        services.AddSingleton<INluEngine, RuleBasedNluEngine>();
        services.AddSingleton<CachedNlu>();
        services.AddSingleton<NluPredictionLog>();
        services.AddHostedService(sp => sp.GetRequiredService<NluPredictionLog>());

        services.AddSingleton<IShopCatalog, ShopCatalog>();
        services.AddSingleton<ICatalogPublisher, LocalCatalogPublisher>();
        services.AddSingleton(sp => TypicalMealPriceTable.Load(sp.GetRequiredService<IOptions<DataPaths>>().Value.Catalog("categories.json")));
        services.AddSingleton<TypicalMealPrices>();
        services.AddSingleton<DietaryRules>();
        services.AddSingleton<CandidateSearch>();
        services.AddSingleton<ServedPlaces>();
        services.AddSingleton<PlaceLocator>();
        services.AddSingleton<SearchPlanner>();
        services.AddHeuristicRanking(configuration);
        services.AddSingleton<IFeatureScorer, RankerGrainScorer>();
        services.AddSingleton<Ranker>();
        services.AddSingleton<ReplyComposer>();
        services.AddSingleton<RecommendationPresenter>();
        services.AddSingleton<ITurnContextSource, GrainTurnContextSource>();
        services.AddSingleton<FollowUps>();
        services.AddSingleton<SlotTracker>();
        services.AddSingleton<Refusals>();
        services.AddSingleton<CardRequests>();
        services.AddSingleton<ICardCheckout, GrainCardCheckout>();
        services.AddSingleton<ChatOrders>();
        services.AddSingleton<ConversationActions>();
        services.AddSingleton<TurnPipeline>();
        services.AddNaviyamLearning(configuration);
        services.AddHostedService<VocabulariesAtStart>();
        return services;
    }

    /// <summary>A lexicon file in the configured data folder.</summary>
    private static string Lexicon(IServiceProvider services, string fileName) =>
        services.GetRequiredService<IOptions<DataPaths>>().Value.Lexicon(fileName);
}
