using Naviyam.Chat;
using Naviyam.Lexicons;
using Naviyam.Nlu.Extractors;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu;

/// <summary>
/// Pulls the spec's nine entity types out of one message, one extractor per family (<c>Nlu/Extractors</c>, budget
/// amounts in <see cref="BudgetParser"/>, which the intent model also reads). Only what the text says: nothing is
/// inferred from the intent.
/// </summary>
public sealed class EntityExtractor
{
    private readonly DietExtractor diet;
    private readonly FoodTypeExtractor food;
    private readonly UnlistedDishExtractor unlistedDish;
    private readonly ExclusionExtractor exclusions;
    private readonly TasteExtractor taste;
    private readonly LocationExtractor location;
    private readonly TimePhraseFinder time;
    private readonly CompanionExtractor companions;
    private readonly UrgencyExtractor urgency;
    private readonly PortionExtractor portion;

    /// <param name="servedMenus">The served menus, when there is a catalog: a dish no lexicon lists must be named by one
    /// of them or be shaped like a dish. Without it (training, evaluation) the wording alone decides.</param>
    public EntityExtractor(FoodLexicon foods, CueLexicon cues, PlaceGazetteer places, DietLexicon dietLexicon, IServedMenuWords? servedMenus = null)
    {
        var ingredients = new Ingredients(cues);
        var rejection = new RejectionGrammar(foods, cues, ingredients);
        diet = new DietExtractor(foods, ingredients, dietLexicon);
        food = new FoodTypeExtractor(foods, ingredients, rejection);
        unlistedDish = new UnlistedDishExtractor(foods, servedMenus);
        taste = new TasteExtractor(cues, ingredients, rejection);
        exclusions = new ExclusionExtractor(foods, cues, ingredients, rejection, taste);
        location = new LocationExtractor(foods, places);
        time = new TimePhraseFinder(cues);
        companions = new CompanionExtractor(cues);
        urgency = new UrgencyExtractor(cues);
        portion = new PortionExtractor(cues);
    }

    public Entities Extract(PreprocessedText text)
    {
        var restrictions = diet.Extract(text);
        var mentions = food.Mentions(text, restrictions);
        var choice = food.Choose(text.Compact, mentions);
        var tasteFound = taste.Extract(text.Compact);
        // What the message turns down, in the order the families find it; words of a restriction are not repeated.
        var excluded = choice.TurnedDown
            .Union(exclusions.Find(text, mentions))
            .Union(tasteFound.TurnedDown)
            .Where(word => !restrictions.Mentions(word))
            .ToList();
        var (budget, budgetKind) = BudgetExtractor.Extract(text);
        var place = location.Extract(text);
        // A dish the lexicon does not list counts only when the message wishes for no listed one.
        var foodType = choice.FoodType ?? unlistedDish.Find(text.Normalized, place, excluded);

        return new Entities
        {
            FoodType = foodType,
            Budget = budget,
            BudgetKind = budgetKind,
            LocationPreference = place,
            TimePreference = time.Find(text.Normalized),
            TastePreference = tasteFound.Taste,
            Companions = companions.Extract(text, mentions.Count > 0),
            Urgency = urgency.Extract(text, mentions),
            DietaryRestrictions = restrictions.Items.Count > 0 ? restrictions.Items : null,
            PortionSize = portion.Extract(text.Compact),
            Exclusions = excluded.Count > 0 ? excluded : null,
        };
    }
}
