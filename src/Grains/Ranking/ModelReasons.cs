using Naviyam.Retrieval;

namespace Naviyam.Ranking;

/// <summary>
/// A pick's reasons in the order the model weighed them: the reasons of its <see cref="ScoreDrivers"/> first (most
/// first), with a sentence for a driver the usual reasons do not name (popularity, a good-influence shop, the child's own
/// taste), then the other reasons as they were. Without drivers the reasons stay as they are.
/// </summary>
public static class ModelReasons
{
    /// <param name="personal">What the user's own history says about this pick; the model's learned taste for a user with
    /// no history is no reason to tell them ("평소 고르던 …" to a first-time user would be untrue).</param>
    public static IReadOnlyList<string> Arrange(IReadOnlyList<(string Factor, string Text)> reasons, IReadOnlyList<string> drivers, Candidate candidate,
        PersonalSignals? personal = null)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(drivers);
        if (drivers.Count == 0)
        {
            return [.. reasons.Select(r => r.Text)];
        }
        var arranged = new List<string>();
        foreach (var driver in drivers)
        {
            var named = reasons.Where(r => r.Factor == driver).Select(r => r.Text).ToList();
            if (named.Count > 0)
            {
                arranged.AddRange(named);
            }
            else if (OwnReason(driver, candidate, personal) is { } text)
            {
                arranged.Add(text);
            }
        }
        arranged.AddRange(reasons.Where(r => !drivers.Contains(r.Factor)).Select(r => r.Text));
        return arranged;
    }

    // A category is "usually chosen" from this share of the user's choices.
    private const double UsualCategoryShare = 0.25;

    private static string? OwnReason(string driver, Candidate candidate, PersonalSignals? personal) => driver switch
    {
        ScoreDrivers.Popularity => "많이 찾는 가게",
        ScoreDrivers.GoodInfluence when candidate.Shop.IsGoodInfluenceShop => "착한가게",
        ScoreDrivers.Personal when personal is { ChosenBefore: true } => "전에 골랐던 가게",
        ScoreDrivers.Personal when personal is { CategoryShare: >= UsualCategoryShare } => "평소 자주 고르는 종류",
        ScoreDrivers.OpenHours => "영업시간이 넉넉한 가게",
        _ => null,
    };
}
