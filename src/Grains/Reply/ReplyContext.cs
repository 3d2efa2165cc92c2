using Naviyam.Chat;
using Naviyam.Coupons;
using Naviyam.Retrieval;

namespace Naviyam.Reply;

/// <summary>
/// What the reply stage needs to know about the turn. Named properties rather than a long positional list: most are
/// only set by the turns they concern (a coupon question, a later meal, a place that could not be found).
/// </summary>
public sealed record ReplyContext
{
    /// <summary>The intent to answer (social talk that named a food is answered as the food request it also is).</summary>
    public required string Intent { get; init; }

    /// <summary>The session's slots after this message.</summary>
    public required Entities Slots { get; init; }

    /// <summary>The shops to present, best first; empty when nothing was searched or nothing fits.</summary>
    public IReadOnlyList<RankedCandidate> Picks { get; init; } = [];

    /// <summary>This message says the user is hungry or in a hurry to eat (urgency high), whatever the intent model made of it.</summary>
    public bool Urgent { get; init; }

    /// <summary>Too unsure of the message to act on it: ask again rather than answer.</summary>
    public bool Unsure { get; init; }

    /// <summary>The message, compacted: small talk is answered by what it says (thanks, goodbye, hello).</summary>
    public string? CompactText { get; init; }

    /// <summary>"처음부터 다시": the slots were just cleared.</summary>
    public bool SlotsReset { get; init; }

    public int? BudgetCap { get; init; }

    /// <summary>The cap is the card's balance (nothing lower was stated).</summary>
    public bool BudgetFromCard { get; init; }

    /// <summary>"더 싼 데 없어?": the price this turn had to beat.</summary>
    public int? CheaperThan { get; init; }

    /// <summary>"더 싼 데 없어?" after an answer without prices: the picks are other shops, none known to be cheaper.</summary>
    public bool CheaperUnknown { get; init; }

    /// <summary>"다른 데 보여줘": the picks leave out every shop offered before.</summary>
    public bool OthersAsked { get; init; }

    /// <summary>Other shops were asked for, and every shop that fits was offered already.</summary>
    public bool NoOthersLeft { get; init; }

    /// <summary>The onboarding question about what the user likes follows this reply: it asks for the food itself.</summary>
    public bool AsksPreference { get; init; }

    /// <summary>When nothing fits the budget, the cheapest real meal an eligible shop serves.</summary>
    public Candidate? CheapestEligible { get; init; }

    /// <summary>The picks list no prices; they are presented apart from anything that verifiably fits.</summary>
    public bool PricesUnconfirmed { get; init; }

    /// <summary>The search had a point to be near (the device's location or a place that was found).</summary>
    public bool HasLocation { get; init; }

    /// <summary>A place the user named that could not be found on the map.</summary>
    public string? UnlocatedPlace { get; init; }

    /// <summary>The time phrase of a meal later than now ("밤 10시"); null for now.</summary>
    public string? LaterTime { get; init; }

    /// <summary>The wished-for kind of dish ("국물 요리"), named when a pick serves it.</summary>
    public string? WishedDish { get; init; }

    /// <summary>Dietary restrictions took menus out of the search.</summary>
    public bool DietApplied { get; init; }

    public bool HasAllergy { get; init; }

    /// <summary>The user's usable coupons, named when they ask about coupons.</summary>
    public IReadOnlyList<WalletCoupon> UsableCoupons { get; init; } = [];

    /// <summary>The instant of the turn, for coupons that end soon.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>What the search found: a match, or why not and what the alternatives are.</summary>
    public SearchOutcome Outcome { get; init; } = SearchOutcome.Found;

    /// <summary>The area the user named and the search kept to ("아라동").</summary>
    public string? Area { get; init; }

    /// <summary>A place name that could mean several areas ("서울특별시 중구", "대구광역시 중구"): ask which one.</summary>
    public IReadOnlyList<string> AmbiguousPlaces { get; init; } = [];

    /// <summary>Spicy dishes were left out ("매운 거 못 먹어").</summary>
    public bool NotSpicy { get; init; }

    /// <summary>Foods the user turned down ("짬뽕 말고").</summary>
    public IReadOnlyList<string> TurnedDown { get; init; } = [];
}
