using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Naviyam.Cards;
using Naviyam.Catalog;
using Naviyam.Conversation;
using Naviyam.Coupons;
using Naviyam.Lexicons;
using Naviyam.Logging;
using Naviyam.Nlu;
using Naviyam.Orders;
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
    /// Registers the turn pipeline's stages and the embedded default's stores. A storage mode replaces the
    /// stores (shops, cards, journal) after this call; everything else is the same in every mode.
    /// </summary>
    public static IServiceCollection AddNaviyamGrainServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RecommendationOptions>().Bind(configuration.GetSection(RecommendationOptions.Section));
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.Section));
        services.AddOptions<ProfileOptions>().Bind(configuration.GetSection(ProfileOptions.Section));
        services.AddMemoryCache(options => options.SizeLimit = 100_000);
        // Every host has these already; registering them here keeps the stages usable from any container (tools, benchmarks).
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SeoulClock>();

        services.AddSingleton(_ => EmojiSignals.Load(DataPaths.Lexicon("emoji.json")));
        services.AddSingleton(_ => SlangLexicon.Load(DataPaths.Lexicon("slang.json")));
        services.AddSingleton(_ => FoodLexicon.Load(DataPaths.Lexicon("foods.json")));
        services.AddSingleton(_ => CueLexicon.Load(DataPaths.Lexicon("cues.json")));
        services.AddSingleton(_ => PlaceGazetteer.Load(DataPaths.Lexicon("places.json")));
        services.AddSingleton(_ => DietLexicon.Load(DataPaths.Lexicon("diet.json")));
        services.AddSingleton(_ => SpicyDishes.Load(DataPaths.Lexicon("spicy.json")));
        services.AddSingleton(sp => DishPreferences.Load(DataPaths.Lexicon("dishes.json"), sp.GetRequiredService<SpicyDishes>()));
        services.AddSingleton(_ => FollowUpPhrases.Load(DataPaths.Lexicon("followups.json")));

        services.AddSingleton<TextNormalizer>();
        services.AddSingleton<EntityExtractor>();
        services.AddSingleton<RuleIntentClassifier>();
        services.AddSingleton<INluEngine, RuleBasedNluEngine>();
        services.AddSingleton<CachedNlu>();
        services.AddSingleton<INluPredictionSink, DiscardingNluPredictionSink>();
        services.AddSingleton<NluPredictionLog>();
        services.AddHostedService(sp => sp.GetRequiredService<NluPredictionLog>());

        services.AddSingleton<IShopCatalog, ShopCatalog>();
        services.AddSingleton<ICatalogPublisher, LocalCatalogPublisher>();
        services.AddSingleton(_ => TypicalMealPriceTable.Load(DataPaths.Catalog("categories.json")));
        services.AddSingleton<TypicalMealPrices>();
        services.AddSingleton<DietaryRules>();
        services.AddSingleton<CandidateSearch>();
        services.AddSingleton<PlaceLocator>();
        services.AddSingleton<IScoringModel, HeuristicScoringModel>();
        services.AddSingleton<ReplyComposer>();
        services.AddSingleton<FollowUps>();
        services.AddSingleton<SlotTracker>();
        services.AddSingleton<TurnPipeline>();

        services.AddSingleton<IShopRepository, InMemoryShopRepository>();
        services.AddSingleton<InMemoryFoodCardStore>();
        services.AddSingleton<IFoodCardStore>(sp => sp.GetRequiredService<InMemoryFoodCardStore>());
        services.AddSingleton<InMemoryCouponStore>();
        services.AddSingleton<ICouponStore>(sp => sp.GetRequiredService<InMemoryCouponStore>());
        services.AddSingleton<IOrderStore, InMemoryOrderStore>();
        services.AddSingleton<ITurnJournal, InMemoryTurnJournal>();
        services.AddSingleton<IProfileMirror, NoProfileMirror>();
        return services;
    }
}
