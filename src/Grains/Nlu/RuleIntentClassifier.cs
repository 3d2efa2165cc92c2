using Naviyam.Chat;
using Naviyam.Lexicons;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu;

/// <summary>
/// Decides the intent from cues and entities, in the order of <c>docs/nlu-labelling.md</c>: coupons, groups,
/// emergencies and money come before the softer intents. High-precision rules; a learned model may overrule
/// the rest.
/// </summary>
public sealed class RuleIntentClassifier(CueLexicon cues)
{
    public (string Intent, double Confidence) Classify(PreprocessedText text, Entities entities)
    {
        var compact = text.Compact;
        if (text.IsEmpty || text.Has(Signals.EmojiOnly) && entities.FoodType is null)
        {
            return text.Has(Signals.Distress) || text.Has(Signals.Hunger)
                ? (Intents.EmergencyFood, 0.5)
                : (Intents.GeneralChat, 0.6);
        }

        if (cues.Any("coupon", compact))
        {
            return (Intents.CouponInquiry, 0.92);
        }

        var headCount = entities.Companions?.Count;
        var groupWords = cues.Any("group", compact);
        if (headCount is >= 3 || headCount is 2 && (compact.Contains("같이", StringComparison.Ordinal) || compact.Contains("이서", StringComparison.Ordinal))
            || groupWords)
        {
            return (Intents.GroupDining, 0.88);
        }

        var plea = cues.Any("plea", compact) || text.Has(Signals.Distress) && (cues.Any("hunger", compact) || text.Has(Signals.Hunger));
        var skipped = cues.Any("skipped_meal", compact) || text.Has(Signals.SkippedMeal);
        if (entities.Budget == 0 || plea || skipped && entities.Budget is null)
        {
            return (Intents.EmergencyFood, 0.9);
        }

        if (entities.Budget is > 0)
        {
            return (Intents.BudgetInquiry, 0.93);
        }

        if (cues.Any("time", compact))
        {
            return (Intents.TimeInquiry, 0.85);
        }

        if (cues.Any("menu_option", compact))
        {
            return (Intents.MenuOption, 0.8);
        }

        if (entities.LocationPreference is not null || cues.Any("location", compact))
        {
            return (Intents.LocationInquiry, 0.8);
        }

        if (entities.FoodType is not null || entities.Urgency == Urgency.High || entities.TastePreference is not null
            || entities.Exclusions is { Count: > 0 } || LooksLikeFoodQuestion(compact))
        {
            return (Intents.FoodRequest, 0.82);
        }

        return (Intents.GeneralChat, 0.6);
    }

    private static bool LooksLikeFoodQuestion(string compact) =>
        compact.Contains("뭐먹", StringComparison.Ordinal) || compact.Contains("먹을", StringComparison.Ordinal)
        || compact.Contains("추천", StringComparison.Ordinal) || compact.Contains("맛집", StringComparison.Ordinal)
        || compact.Contains("밥", StringComparison.Ordinal) || compact.Contains("먹고싶", StringComparison.Ordinal);
}

/// <summary>The skeleton's NLU: lexicon-driven entities and rule-decided intents.</summary>
public sealed class RuleBasedNluEngine(EntityExtractor extractor, RuleIntentClassifier classifier) : INluEngine
{
    public string ModelVersion => "rules-1";

    public NluResult Analyze(PreprocessedText text)
    {
        var entities = extractor.Extract(text);
        var (intent, confidence) = classifier.Classify(text, entities);
        return new NluResult(intent, confidence, entities);
    }
}
