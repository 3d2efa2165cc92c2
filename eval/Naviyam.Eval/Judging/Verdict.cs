using Naviyam.Eval.Queries;

namespace Naviyam.Eval.Judging;

/// <summary>The hard violations: any one of them fails the run.</summary>
public enum ViolationKind
{
    /// <summary>A pick's price as shown (after its coupon; the top of a price range) is over the budget or the card balance.</summary>
    OverBudget,
    /// <summary>A pick's price is not the raw file's price for that menu, or the menu is not on the raw menu.</summary>
    WrongPrice,
    /// <summary>Outside the named area, without being marked an alternative after the reply said there is none there.</summary>
    OutsideArea,
    /// <summary>Not the asked dish, without being marked an alternative after the reply said there is none.</summary>
    NotTheDish,
    /// <summary>Alcohol, or a shop that is not for children, offered to a minor or a user of unknown age.</summary>
    AdultForMinor,
    /// <summary>One shop twice in one answer (same id, or same name and address).</summary>
    Duplicate,
    /// <summary>More than 20 km from the reference point (device location, else the named area) and not in the named area.</summary>
    TooFar,
    /// <summary>A shop that is not in the dataset's raw files at all (a synthetic shop in a real city, an invented one).</summary>
    UnknownShop,
}

public sealed record Violation(ViolationKind Kind, int Pick, string Detail)
{
    public override string ToString() => $"{Kind} (#{Pick}): {Detail}";
}

/// <summary>Everything the judge concluded about one query.</summary>
public sealed record QueryVerdict
{
    public required EvalQuery Query { get; init; }
    public required IReadOnlyList<ProductReply> Replies { get; init; }
    public IReadOnlyList<Violation> Violations { get; init; } = [];

    /// <summary>Shops that satisfy every condition in the raw data; 0 means the query has no answer.</summary>
    public int RelevantShops { get; init; }

    public IReadOnlyList<string> RelevantExamples { get; init; } = [];

    /// <summary>For queries with an answer: a relevant shop among the first three picks.</summary>
    public bool? Hit { get; init; }

    /// <summary>For queries without an answer: the first sentence says there is none.</summary>
    public bool? Honest { get; init; }

    public bool? RefusalOk { get; init; }

    public bool? FollowUpOk { get; init; }

    /// <summary>Set when the query could not be played or judged (product error, query-file problem).</summary>
    public string? Error { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];

    public ProductReply? Judged => Replies.Count > 0 ? Replies[^1] : null;

    public bool Failed => Error is not null || Violations.Count > 0 || Hit == false || Honest == false || RefusalOk == false || FollowUpOk == false;
}
