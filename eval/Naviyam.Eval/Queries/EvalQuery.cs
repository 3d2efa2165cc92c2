namespace Naviyam.Eval.Queries;

/// <summary>
/// One line of <c>eval/queries/*.jsonl</c>: what a child types (earlier turns first; the last turn is judged), who
/// they are, where their phone is, and — written by the team, never derived from the product — what they asked for.
/// Whether the query has an answer is not written: the judge computes it from the raw files.
/// </summary>
public sealed record EvalQuery
{
    public required string Id { get; init; }
    public required string Dataset { get; init; }
    public required IReadOnlyList<string> Turns { get; init; }
    public QueryUser User { get; init; } = new();
    public QueryLocation? Location { get; init; }
    public required Ask Ask { get; init; }
    public string? Note { get; init; }
}

/// <summary>
/// The user: age (null = unknown, judged as a minor) and, where the product can hold one, a meal card. Cards exist only
/// for the generated city's users (<c>demo-N</c>): imported lists come without users, and the product has no API
/// that issues a card.
/// </summary>
public sealed record QueryUser
{
    public int? Age { get; init; }

    /// <summary>The product user to sign in as; null gives every query a fresh user of its own.</summary>
    public string? Id { get; init; }

    public QueryCard? Card { get; init; }
}

/// <summary>A meal card: its balance and the ids of the coupons its holder holds (<c>data/coupons.json</c>).</summary>
public sealed record QueryCard(int Balance, IReadOnlyList<string>? Coupons = null)
{
    public IReadOnlyList<string> CouponIds => Coupons ?? [];
}

public sealed record QueryLocation(double Lat, double Lng);

public enum AskKind
{
    Search,
    Refusal,
    FollowUp,
}

public enum BudgetKind
{
    /// <summary>"5천원 있어": that much money, so anything up to it.</summary>
    Exact,
    /// <summary>"5천원 이하", "5천원 안으로".</summary>
    Cap,
    /// <summary>"5천원에서 8천원 사이": <see cref="Budget.Min"/> to <see cref="Budget.Won"/>.</summary>
    Range,
}

/// <summary>
/// A budget in won: what one item may cost. <see cref="People"/> records a group; with <see cref="Total"/> the money is
/// the group's ("셋이서 3만원": a chicken to share may cost it all), otherwise each child's ("각자 5천원").
/// </summary>
public sealed record Budget(int Won, BudgetKind Kind, int? Min = null, int? People = null, bool Total = false);

public enum FollowUpType
{
    /// <summary>"2번 가게는 어디 있어?": the address of that pick of the previous answer.</summary>
    Where,
    /// <summary>"더 싼 데 없어?": cheaper than every priced pick of the previous answer.</summary>
    Cheaper,
    /// <summary>"매운 거 못 먹어", "짬뽕 말고": the same search with one more condition.</summary>
    Constraint,
}

public sealed record FollowUp(FollowUpType Type, int? Pick = null);

/// <summary>What the judged turn asks for, with everything earlier turns said that still holds.</summary>
public sealed record Ask
{
    public AskKind Kind { get; init; } = AskKind.Search;

    /// <summary>Under 19 or of unknown age: no alcohol, no shop that is not for children.</summary>
    public bool Minor { get; init; } = true;

    public Budget? Budget { get; init; }

    /// <summary>A key of the eval's dish dictionary (<c>data/dishes.json</c>).</summary>
    public string? Dish { get; init; }

    /// <summary>A named area, canonical ("제주시 아라동", "애월읍", "은평구"), resolved in the dataset's 시도.</summary>
    public string? Area { get; init; }

    /// <summary>When the shop must be open (Seoul wall time); null means the pinned "now".</summary>
    public DateTime? Time { get; init; }

    public bool NotSpicy { get; init; }

    /// <summary>Dish concepts the child ruled out ("짬뽕 말고").</summary>
    public IReadOnlyList<string> ExcludeDishes { get; init; } = [];

    public FollowUp? FollowUp { get; init; }

    /// <summary>For refusals: alcohol, tobacco or adult.</summary>
    public string? Refusal { get; init; }
}
