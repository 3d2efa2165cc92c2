using Naviyam.Lexicons;
using Naviyam.Nlu;
using Naviyam.Preprocessing;
using Naviyam.Retrieval;

namespace Naviyam.UnitTests;

/// <summary>The team's real lexicon files, as shipped beside the binaries.</summary>
internal static class TestLexicons
{
    private static readonly DataPaths Paths = new();

    public static EmojiSignals Emoji { get; } = EmojiSignals.Load(Paths.Lexicon("emoji.json"));
    public static FoodLexicon Foods { get; } = FoodLexicon.Load(Paths.Lexicon("foods.json"));
    public static DishNames Dishes { get; } = new(Foods);
    public static CueLexicon Cues { get; } = CueLexicon.Load(Paths.Lexicon("cues.json"));
    public static SlangLexicon Slang { get; } = SlangLexicon.Load(Paths.Lexicon("slang.json"));
    public static DietLexicon Diet { get; } = DietLexicon.Load(Paths.Lexicon("diet.json"));
    public static SpicyDishes Spicy { get; } = SpicyDishes.Load(Paths.Lexicon("spicy.json"));
    public static DishPreferences DishPreferences { get; } = DishPreferences.Load(Paths.Lexicon("dishes.json"), Spicy);
    public static FollowUpPhrases FollowUpPhrases { get; } = FollowUpPhrases.Load(Paths.Lexicon("followups.json"));
    public static RefusalLexicon Refusals { get; } = RefusalLexicon.Load(Paths.Lexicon("refusals.json"));
    public static CardPhrases Card { get; } = CardPhrases.Load(Paths.Lexicon("card.json"));
    public static TypicalMealPriceTable MealPrices { get; } = TypicalMealPriceTable.Load(Paths.Catalog("categories.json"));

    public static TextNormalizer Normalizer { get; } = new(Emoji, Slang);

    public static PlaceGazetteer Places()
    {
        var places = PlaceGazetteer.Load(Paths.Lexicon("places.json"));
        places.LearnAddresses(["서울 관악구 봉천로 391", "서울 관악구 신림동 1423", "제주특별자치도 서귀포시 법환동 1217-1", "제주특별자치도 서귀포시 남원읍 위미리 1010"]);
        places.LearnAreaNames(Naviyam.UnitTests.Places.PlacesTestData.Areas.Names());
        return places;
    }

    public static RuleBasedNluEngine Nlu(IServedMenuWords? servedMenus = null)
    {
        var extractor = new EntityExtractor(Foods, Cues, Places(), Diet, servedMenus);
        return new RuleBasedNluEngine(extractor, new RuleIntentClassifier(Cues));
    }
}
