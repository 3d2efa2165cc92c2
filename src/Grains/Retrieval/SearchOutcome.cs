namespace Naviyam.Retrieval;

/// <summary>A condition of the search that left shops out; the reply names the ones that decided the answer.</summary>
public enum SearchLimit
{
    /// <summary>The named area: the shops that fit lie outside it, or the place named could not be found at all.</summary>
    Area = 0,

    /// <summary>The asked dish: the shops that fit everything else do not sell it.</summary>
    Dish = 1,

    /// <summary>Opening hours: the shops that fit are closed at the time wanted.</summary>
    Hours = 2,

    /// <summary>A dietary restriction, an exclusion or "not spicy".</summary>
    Restriction = 3,

    /// <summary>The budget (or the card's balance): what fits everything else costs more.</summary>
    Budget = 4,

    /// <summary>Distance: nothing eligible within the farthest a shop is ever offered from.</summary>
    Distance = 5,
}

/// <summary>Why an offered shop is not a match, said with it.</summary>
public enum AlternativeKind
{
    None = 0,

    /// <summary>It fits, but lies outside the named area.</summary>
    OutsideArea = 1,

    /// <summary>It serves a dish of the asked dish's family, not the dish (잔치국수 for 고기국수).</summary>
    SimilarDish = 2,

    /// <summary>It lists no menu, and its kind or name only suggests the dish (a 한식 restaurant for 국밥).</summary>
    MightServe = 3,

    /// <summary>The place the user named could not be found: it fits near where the user is instead.</summary>
    NearUserInstead = 4,
}

/// <summary>
/// What the search found, for the reply's first sentence: whether anything matches, and when nothing does, the limits
/// that decided it (each one alone would have let a shop through, or together they are what the nearest shops miss)
/// and what kind of alternatives are offered instead.
/// </summary>
public sealed record SearchOutcome
{
    public static SearchOutcome Found { get; } = new();

    /// <summary>Shops that match were found (fitting, or of unconfirmed price).</summary>
    public bool Matched => Limits.Count == 0;

    /// <summary>Why nothing matches, most decisive first; empty when something does.</summary>
    public IReadOnlyList<SearchLimit> Limits { get; init; } = [];

    /// <summary>What the alternatives offered are, when nothing matches.</summary>
    public AlternativeKind Alternatives { get; init; }

    /// <summary>No shop the user may use at all was in reach (the area has none, or nothing within the distance).</summary>
    public bool NoShopsInReach { get; init; }
}
