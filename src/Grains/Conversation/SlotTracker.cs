using Naviyam.Chat;
using Naviyam.Lexicons;

namespace Naviyam.Conversation;

/// <summary>
/// Carries what the user said across turns: a new value replaces the old one, exclusions accumulate, and
/// "처음부터 다시" starts over (<see cref="FollowUpPhrases.Reset"/>). A food the user now asks for is no longer excluded.
/// </summary>
public sealed class SlotTracker(FollowUpPhrases phrases)
{
    public bool IsReset(string compactText) =>
        phrases.Reset.Any(phrase => compactText.Contains(phrase, StringComparison.Ordinal));

    public static Entities Merge(Entities previous, Entities message)
    {
        var exclusions = (previous.Exclusions ?? []).ToList();
        if (message.FoodType is { } wanted)
        {
            exclusions.Remove(wanted);
        }
        foreach (var excluded in message.Exclusions ?? [])
        {
            if (!exclusions.Contains(excluded))
            {
                exclusions.Add(excluded);
            }
        }

        var diet = (previous.DietaryRestrictions ?? []).Union(message.DietaryRestrictions ?? []).ToArray();
        var budgetChanged = message.Budget is not null;
        return new Entities
        {
            FoodType = message.FoodType ?? (message.Exclusions?.Contains(previous.FoodType ?? "") == true ? null : previous.FoodType),
            Budget = budgetChanged ? message.Budget : previous.Budget,
            BudgetKind = budgetChanged ? message.BudgetKind : previous.BudgetKind,
            LocationPreference = message.LocationPreference ?? previous.LocationPreference,
            TimePreference = message.TimePreference ?? previous.TimePreference,
            TastePreference = message.TastePreference ?? previous.TastePreference,
            Companions = message.Companions ?? previous.Companions,
            Urgency = message.Urgency ?? previous.Urgency,
            DietaryRestrictions = diet.Length > 0 ? diet : null,
            PortionSize = message.PortionSize ?? previous.PortionSize,
            Exclusions = exclusions.Count > 0 ? exclusions : null,
        };
    }
}
