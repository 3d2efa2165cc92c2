using Microsoft.Extensions.Options;
using Naviyam.Cards;
using Naviyam.Chat;
using Naviyam.Nlu;
using Naviyam.Places;
using Naviyam.Profiles;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Time;

namespace Naviyam.Conversation;

/// <summary>
/// Decides what a turn looks for (<see cref="SearchPlan"/>): the budget against the card's balance, the "더 싼 데"
/// ceiling, the place and the time, the minor rule, dietary restrictions and exclusions, a wished-for kind of dish,
/// and whether the message asks about the last answer instead. The rules live here; retrieval only applies them.
/// </summary>
public sealed class SearchPlanner(
    PlaceLocator places, SeoulClock clock, FollowUps followUps, DishPreferences dishPreferences, DietaryRules dietaryRules,
    IOptions<RecommendationOptions>? recommendations = null)
{
    private readonly int maxDistanceMeters = recommendations?.Value.MaxDistanceMeters ?? new RecommendationOptions().MaxDistanceMeters;

    /// <param name="previousReply">The session's last answer, for follow-ups about it ("더 싼 데 없어?", "거기 어떻게 가?").</param>
    /// <param name="history">The session's last answers ("다른 데 보여줘" skips every shop they offered); by default only
    /// <paramref name="previousReply"/>.</param>
    public SearchPlan Plan(ChatTurn turn, TurnUnderstanding understanding, TurnContext user, ChatReply? previousReply, SessionHistory? history = null)
    {
        var (text, nlu, slots) = (understanding.Text, understanding.Nlu, understanding.Slots);
        var (budgetCap, budgetFromCard) = EffectiveBudget(slots, user.Card);
        // "김밥 한 줄 3천원": the price named for the dish asked is as much as it may cost.
        if (nlu.Entities.Budget is null && nlu.Entities.FoodType is not null && BudgetParser.DishPrice(text.Normalized) is { } dishPrice
            && dishPrice < (budgetCap ?? int.MaxValue))
        {
            (budgetCap, budgetFromCard) = (dishPrice, false);
        }
        // "더 싼 데 없어?": cheaper than anything offered last time, for this turn only.
        var cheaperThan = followUps.CheaperThan(text.Compact, previousReply);
        if (cheaperThan is { } ceiling)
        {
            budgetCap = Math.Min(budgetCap ?? int.MaxValue, ceiling - 1);
        }
        IReadOnlyList<string> restrictions = [.. (slots.DietaryRestrictions ?? []).Union(user.Profile.DietaryRestrictions)];
        // "더 싼 데" after a list without prices: other shops, since none can be said to be cheaper.
        var cheaperUnknown = followUps.CheaperThanUnpriced(text.Compact, previousReply);
        var otherThan = followUps.OfferedBefore(text.Compact, history ?? SessionHistory.Of("", previousReply), othersNeeded: cheaperUnknown);
        // "더 싼 데 없어?" and "다른 데 보여줘" ask for food, whatever the intent model makes of them.
        var wantsFood = WantsFood(nlu) || cheaperThan is not null || otherThan.Count > 0;
        var now = clock.LocalNow;
        // A place named in this message, else one named earlier in the session ("더 싼 데 없어?" keeps the area).
        var place = places.Resolve(nlu.Entities.LocationPreference ?? slots.LocationPreference, turn.Location);
        return new SearchPlan
        {
            // Social talk that named a food is answered as the food request it also is.
            Intent = nlu.Intent == Intents.GeneralChat && wantsFood ? Intents.FoodRequest : nlu.Intent,
            WantsFood = wantsFood,
            // Too unsure to act on: ask instead of recommending (the slots are still kept for the next turn). A message
            // that names a food or an amount ("대명2동 짬뽕") says what it wants, however unsure the intent model is.
            Unsure = !NluConfidence.IsConfident(nlu) && text.Signals.Count == 0 && !text.IsEmpty
                     && nlu.Entities.FoodType is null && nlu.Entities.Budget is null,
            // "거기 어떻게 가?" / "2번 주소 알려줘": about a shop just offered, not a new search.
            AskedAbout = followUps.ShopAskedAbout(text.Compact, previousReply),
            IsMinor = IsMinor(turn.UserAge, user.Profile, user.Card),
            BudgetCap = budgetCap,
            BudgetFromCard = budgetFromCard,
            CheaperThan = cheaperThan,
            CheaperUnknown = cheaperUnknown,
            OtherThan = otherThan,
            FoodType = slots.FoodType,
            Wish = slots.FoodType is null ? dishPreferences.From(text.Compact, slots.TastePreference) : null,
            Exclusions = Exclusions(slots, restrictions),
            Restrictions = restrictions,
            HasAllergy = DietaryRules.HasAllergy(restrictions),
            // A named area restricts the shops to those inside it, measured from the device when it tells where the
            // user is, else from the area's point. A landmark the gazetteer does not know is searched around instead.
            Area = place.Area,
            AmbiguousPlaces = [.. place.Ambiguous.Select(area => area.FullName)],
            Location = place.Area is { } area ? Origin(area, turn.Location)
                : place.Landmark is { } landmark && nlu.Entities.LocationPreference is not null ? landmark
                : turn.Location ?? place.Landmark,
            UnplacedName = place.Unplaced is { } unplaced && (nlu.Entities.LocationPreference is not null || turn.Location is null) ? unplaced : null,
            Wallet = user.Wallet,
            Now = now,
            // The shops must be open when the user wants to eat ("저녁 7시"), which is usually now.
            EatAt = MealTimeResolver.Resolve(slots.TimePreference, now),
        };
    }

    /// <summary>
    /// Where distances to the shops of a named area are measured from: the device, when it is within reach of the area
    /// (a child in 연동 asking for 노형동 walks from where they are); else the area's own point (a child in Jeju asking
    /// about 관악구 is planning for somewhere else).
    /// </summary>
    private GeoPoint Origin(Area area, GeoPoint? device) =>
        device is { } here && here.DistanceMetersTo(area.Point) <= maxDistanceMeters ? here : area.Point;

    /// <summary>
    /// Social talk gets no shop list; every other intent is about finding food, and so is social talk that names a food
    /// or an amount ("오늘 생일인데 케이크 살 수 있어?").
    /// </summary>
    private static bool WantsFood(NluResult understood) =>
        understood.Intent != Intents.GeneralChat || understood.Entities.FoodType is not null || understood.Entities.Budget is not null;

    /// <summary>
    /// What must not be offered: the words the user excluded, everything their dietary restrictions (said in this
    /// session or remembered by the profile) rule out, and spicy dishes for "안 매운".
    /// </summary>
    private IReadOnlyList<string> Exclusions(Entities slots, IReadOnlyList<string> restrictions)
    {
        var notSpicy = slots.TastePreference == "안 매운" ? (string[])["매운"] : [];
        if (restrictions.Count == 0 && notSpicy.Length == 0)
        {
            return slots.Exclusions ?? [];
        }
        return [.. (slots.Exclusions ?? []).Union(notSpicy).Union(dietaryRules.ForbiddenWords(restrictions))];
    }

    /// <summary>An unknown age counts as a minor: a bar must never reach a child because a form was skipped.</summary>
    private static bool IsMinor(int? userAge, UserProfile profile, FoodCardSummary card)
    {
        if (userAge is { } age)
        {
            return age < 19;
        }
        if (profile.AgeGroup is not null)
        {
            return profile.IsMinor;
        }
        return card.TargetAgeGroup is not "청년";
    }

    /// <summary>The stated budget, capped by an active card's balance; the balance alone when nothing was stated.</summary>
    private static (int? Cap, bool FromCard) EffectiveBudget(Entities slots, FoodCardSummary card)
    {
        var balance = card.IsActive ? card.Balance : (int?)null;
        if (slots.Budget is { } stated and > 0)
        {
            return balance is { } b && b < stated ? (b, true) : (stated, false);
        }
        if (slots.Budget == 0)
        {
            // "돈 없어": the card may still pay; without a card nothing is affordable.
            return balance is > 0 ? (balance, true) : (0, false);
        }
        return balance is { } onlyBalance ? (onlyBalance, true) : (null, false);
    }
}
