using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.Ranking;

/// <summary>
/// What a learned ranker knows about the turn beside its candidates: who asks, at what local (Seoul) time, with what
/// budget, in a hurry or not, and whether a food or kind of dish was asked for (then <see cref="Candidate.FoodMatched"/>
/// means something). A null <see cref="UserId"/> is an anonymous user.
/// </summary>
public sealed record RankingSituation(
    string? UserId,
    DateTimeOffset LocalTime,
    int? BudgetCap,
    bool Urgent = false,
    bool FoodAsked = false);

/// <summary>
/// The raw facts about one candidate that <see cref="WideDeepFeatures"/> turns into a feature row. Served turns build them
/// from a <see cref="Candidate"/> (<see cref="Of"/>); the training log reader builds them from the logged rows, so a
/// logged impression and a served candidate become the same features.
/// </summary>
/// <param name="Price">The meal's price, or the kind's typical price when the shop lists none (<paramref name="PriceKnown"/> false).</param>
/// <param name="OpenMinutesLeft">Minutes until the shop closes (capped at <see cref="OpeningMargin.HorizonMinutes"/>); null when its hours are unknown.</param>
public readonly record struct CandidateFacts(
    string ShopId,
    FoodCategory Category,
    double? DistanceMeters,
    int? Price,
    bool PriceKnown,
    double Popularity,
    int? OpenMinutesLeft,
    bool FoodMatched,
    MealCardAcceptance MealCard,
    bool GoodInfluence)
{
    public static CandidateFacts Of(Candidate candidate, DateTimeOffset localTime)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var shop = candidate.Shop;
        var realPrice = candidate.Meal?.Price is > 0 ? candidate.Meal.Price : null;
        return new CandidateFacts(
            shop.Id,
            shop.Category,
            candidate.DistanceMeters,
            realPrice ?? candidate.TypicalPrice,
            realPrice is not null,
            shop.Popularity,
            OpeningMargin.MinutesLeft(shop.Hours, localTime),
            candidate.FoodMatched,
            shop.MealCard,
            shop.IsGoodInfluenceShop);
    }
}

/// <summary>How long a shop stays open from a moment: a child sent to a shop that closes in ten minutes is badly served.</summary>
public static class OpeningMargin
{
    /// <summary>Margins are capped here: beyond four hours, more time open changes nothing about a meal now.</summary>
    public const int HorizonMinutes = 240;

    public static int? MinutesLeft(WeeklyHours? hours, DateTimeOffset localTime) =>
        MinutesLeft(hours, localTime.DayOfWeek, localTime.Hour * 60 + localTime.Minute);

    /// <summary>
    /// Minutes from <paramref name="minuteOfDay"/> until closing, 0 when closed, null when the hours are unknown;
    /// positive exactly when <see cref="WeeklyHours.IsOpenAt"/> is true. An interval that runs to midnight continues
    /// into the next day's interval that opens at midnight (24-hour shops), up to <see cref="HorizonMinutes"/>.
    /// </summary>
    public static int? MinutesLeft(WeeklyHours? hours, DayOfWeek day, int minuteOfDay)
    {
        if (hours is null)
        {
            return null;
        }
        var open = hours.IsOpenAt(day, minuteOfDay);
        if (open != true)
        {
            return open is null ? null : 0;
        }
        var tomorrow = (DayOfWeek)(((int)day + 1) % 7);
        var best = 0;
        // An overnight interval begun yesterday: its close is counted from yesterday's midnight.
        if (hours.For((DayOfWeek)(((int)day + 6) % 7)) is { Closed: false } yesterday)
        {
            foreach (var interval in yesterday.Intervals)
            {
                var close = interval.CloseMinute - WeeklyHours.MinutesPerDay;
                if (close > minuteOfDay)
                {
                    best = Math.Max(best, Extend(hours, day, close) - minuteOfDay);
                }
            }
        }
        if (hours.For(day) is { Closed: false } today)
        {
            foreach (var interval in today.Intervals)
            {
                if (minuteOfDay >= interval.OpenMinute && minuteOfDay < interval.CloseMinute)
                {
                    best = Math.Max(best, Extend(hours, tomorrow, interval.CloseMinute) - minuteOfDay);
                }
            }
        }
        return Math.Min(best, HorizonMinutes);
    }

    // A close at or past midnight joins the next day's interval that opens at midnight.
    private static int Extend(WeeklyHours hours, DayOfWeek next, int close)
    {
        if (close < WeeklyHours.MinutesPerDay || hours.For(next) is not { Closed: false } following)
        {
            return close;
        }
        foreach (var interval in following.Intervals)
        {
            if (interval.OpenMinute == 0)
            {
                return WeeklyHours.MinutesPerDay + interval.CloseMinute;
            }
        }
        return close;
    }
}
