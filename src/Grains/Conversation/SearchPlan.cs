using System.Collections.Frozen;
using Naviyam.Chat;
using Naviyam.Coupons;
using Naviyam.Places;
using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.Conversation;

/// <summary>
/// What one turn looks for, decided by <see cref="SearchPlanner"/> from the message, the session, the user and the
/// last answer: the hard limits retrieval must honour (age, budget, exclusions, time) and what the reply is about.
/// </summary>
public sealed record SearchPlan
{
    /// <summary>How far ahead a meal time must be before the shops are judged for then rather than for now.</summary>
    public static readonly TimeSpan LaterThanNow = TimeSpan.FromMinutes(30);

    /// <summary>The intent the turn is answered as.</summary>
    public required string Intent { get; init; }

    /// <summary>The message asks for food (or names a food or an amount), so it may get a list of shops.</summary>
    public required bool WantsFood { get; init; }

    /// <summary>Too unsure of the message to act on it: ask again rather than recommend.</summary>
    public required bool Unsure { get; init; }

    /// <summary>"거기 어떻게 가?": a shop of the last answer the message asks about, instead of a new search.</summary>
    public RecommendationView? AskedAbout { get; init; }

    /// <summary>A minor (or someone whose age is unknown) is never offered a not-for-children shop.</summary>
    public required bool IsMinor { get; init; }

    /// <summary>The most a meal may cost; null for no limit.</summary>
    public int? BudgetCap { get; init; }

    /// <summary>The cap is the card's balance, because nothing lower was stated.</summary>
    public bool BudgetFromCard { get; init; }

    /// <summary>"더 싼 데 없어?": the price this turn must beat (the cap is already under it).</summary>
    public int? CheaperThan { get; init; }

    /// <summary>"더 싼 데 없어?" after an answer without prices: other shops are offered, and none is said to be cheaper.</summary>
    public bool CheaperUnknown { get; init; }

    /// <summary>"다른 데 보여줘": the shops the session already offered, which this turn offers no more.</summary>
    public IReadOnlySet<string> OtherThan { get; init; } = FrozenSet<string>.Empty;

    public string? FoodType { get; init; }

    /// <summary>A kind of dish wished for without naming one ("국물 있는 거"): preferred, not required.</summary>
    public DishPreference? Wish { get; init; }

    /// <summary>Every word that keeps a shop or a menu out (<see cref="CandidateQuery.Exclusions"/>).</summary>
    public IReadOnlyList<string> Exclusions { get; init; } = [];

    /// <summary>Dietary restrictions said in the session or remembered by the profile.</summary>
    public IReadOnlyList<string> Restrictions { get; init; } = [];

    public bool HasAllergy { get; init; }

    /// <summary>The point to search near and measure from; null when neither the device nor a named place gives one.</summary>
    public GeoPoint? Location { get; init; }

    /// <summary>The area the user named: only shops inside it are matches.</summary>
    public Area? Area { get; init; }

    /// <summary>The areas a place name could mean when nothing chose one ("중구"): the user is asked which.</summary>
    public IReadOnlyList<string> AmbiguousPlaces { get; init; } = [];

    /// <summary>The user's usable coupons: a meal fits when its price after the best one fits the budget.</summary>
    public IReadOnlyList<WalletCoupon> Wallet { get; init; } = [];

    /// <summary>A place the user named that could not be found on the map.</summary>
    public string? UnplacedName { get; init; }

    /// <summary>Seoul local time of the turn.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>Seoul local time the shops must be open at: when the user wants to eat, usually now.</summary>
    public required DateTimeOffset EatAt { get; init; }

    /// <summary>A follow-up about the last answer, social talk and a message too unclear to act on search nothing.</summary>
    public bool Searches => WantsFood && !Unsure && AskedAbout is null && AmbiguousPlaces.Count == 0;

    public bool AtNow => EatAt - Now < LaterThanNow;

    /// <summary>The plan as retrieval's query.</summary>
    public CandidateQuery Query => new(Location, BudgetCap, FoodType, Exclusions, IsMinor, EatAt, Wish)
    {
        Area = Area,
        Wallet = Wallet,
        CouponsAt = Now,
        PlaceNotFound = UnplacedName is not null,
    };
}
