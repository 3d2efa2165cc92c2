using System.Text.RegularExpressions;
using Naviyam.Chat;
using Naviyam.Lexicons;

namespace Naviyam.Conversation;

/// <summary>What a message asks about a pick of the last answer; <see cref="Details"/> when it only names the pick.</summary>
public enum PickQuestion
{
    Details,
    Where,
    Distance,
    Price,
    Menu,
    Hours,
    Phone,
}

/// <summary>How a message named a pick.</summary>
public enum PickNaming
{
    /// <summary>"2번", "두 번째 거", "마지막 거": by its place in the list, which may be past its end.</summary>
    Position,
    /// <summary>"그 김밥집", "행복분식": by the shop's name or its meal.</summary>
    Name,
    /// <summary>"거기", "이걸로": the pick just talked about, else the first.</summary>
    Pointer,
}

/// <summary>A pick a message names: its 1-based number in the list (past the end when the list is shorter) and how it was named.</summary>
public sealed record PickReference(int Number, PickNaming Naming);

/// <summary>
/// Messages about the previous answer rather than a new search; the phrases come from <see cref="FollowUpPhrases"/>.
/// Numbers written with digits ("2번", "3번째") are grammar here, so that "12번" is never read as the second pick and
/// "1번 출구" or "5번 버스" never as a pick at all.
/// </summary>
public sealed partial class FollowUps(FollowUpPhrases phrases)
{
    /// <summary>
    /// "더 싼 데 없어?": the lowest price the last answer offered (after coupons), which this turn must beat; null when the
    /// message does not ask for cheaper or the last answer priced nothing.
    /// </summary>
    public int? CheaperThan(string compactText, ChatReply? previousReply) =>
        Says(phrases.Cheaper, compactText)
        && previousReply?.Recommendations.Min(r => r.FinalPrice) is { } lowest and > 0
            ? lowest
            : null;

    /// <summary>
    /// The recommendation a "where is it" question points at ("거기 어떻게 가?" → the first; "2번 주소" → the second),
    /// or null when the message is not such a question, the last answer offered nothing or has no such pick.
    /// </summary>
    public RecommendationView? ShopAskedAbout(string compactText, ChatReply? previousReply)
    {
        var offered = Offered(previousReply);
        if (offered.Count == 0 || !Says(phrases.Where, compactText))
        {
            return null;
        }
        return ReferenceIn(compactText, offered) is { } reference && reference.Number <= offered.Count ? offered[reference.Number - 1] : null;
    }

    /// <summary>The shops an answer offered: its verified meals, else the shops listed without prices.</summary>
    public static IReadOnlyList<RecommendationView> Offered(ChatReply? reply) =>
        reply is null ? [] : reply.Recommendations.Count > 0 ? reply.Recommendations : reply.PriceUnknown;

    /// <summary>
    /// The pick of <paramref name="offered"/> the message names, or null. A position is returned even past the end of the
    /// list (the reply then says there is no such pick); a pointer ("거기", "이걸로") means <paramref name="focus"/> (the
    /// pick just talked about, 1-based) or else the first.
    /// </summary>
    public PickReference? ReferenceIn(string compactText, IReadOnlyList<RecommendationView> offered, int? focus = null)
    {
        ArgumentNullException.ThrowIfNull(offered);
        var text = compactText.ToLowerInvariant();
        if (NumberIn(text) is { } number)
        {
            return new PickReference(number, PickNaming.Position);
        }
        for (var index = 0; index < phrases.Ordinals.Count; index++)
        {
            if (Says(phrases.Ordinals[index], text))
            {
                return new PickReference(index + 1, PickNaming.Position);
            }
        }
        if (offered.Count > 0 && Says(phrases.Last, text))
        {
            return new PickReference(offered.Count, PickNaming.Position);
        }
        if (NamedIn(text, offered) is { } named)
        {
            return new PickReference(named, PickNaming.Name);
        }
        return offered.Count > 0 && Says(phrases.Pointers, text) ? new PickReference(focus ?? 1, PickNaming.Pointer) : null;
    }

    /// <summary>What the message asks about a pick, or null when it asks nothing (then it may just name the pick).</summary>
    public PickQuestion? QuestionIn(string compactText)
    {
        var text = compactText.ToLowerInvariant();
        // Most specific first: "몇 시까지" before a price's "얼마", "얼마나 걸려" before it too.
        return Says(phrases.Hours, text) ? PickQuestion.Hours
            : Says(phrases.Phone, text) ? PickQuestion.Phone
            : Says(phrases.Distance, text) ? PickQuestion.Distance
            : Says(phrases.Where, text) ? PickQuestion.Where
            : Says(phrases.Menu, text) ? PickQuestion.Menu
            : Says(phrases.Price, text) ? PickQuestion.Price
            : null;
    }

    /// <summary>"2번", "3번째", "2번꺼", or the message "2" alone; never "12번" as 2, "1번 출구" or "5번 버스".</summary>
    private static int? NumberIn(string text)
    {
        if (WholeNumber().Match(text) is { Success: true } whole)
        {
            return int.Parse(whole.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        }
        var match = NumberedPick().Match(text);
        return match.Success && int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) is var number and > 0
            ? number
            : null;
    }

    /// <summary>
    /// The pick whose shop name (whole, or a beginning of two letters or more: "행복" for 행복분식) or meal the message
    /// names, when exactly one pick fits; the strongest kind of match decides.
    /// </summary>
    private static int? NamedIn(string text, IReadOnlyList<RecommendationView> offered)
    {
        var byWholeName = Unique(offered, view => text.Contains(Compact(view.ShopName), StringComparison.Ordinal));
        if (byWholeName is not null)
        {
            return byWholeName;
        }
        var byNameStart = Unique(offered, view => NameStarts(view.ShopName).Any(start => text.Contains(start, StringComparison.Ordinal)));
        return byNameStart ?? Unique(offered, view => view.MenuName is { Length: >= 2 } menu && text.Contains(Compact(menu), StringComparison.Ordinal));
    }

    private static int? Unique(IReadOnlyList<RecommendationView> offered, Func<RecommendationView, bool> fits)
    {
        int? found = null;
        for (var i = 0; i < offered.Count; i++)
        {
            if (!fits(offered[i]))
            {
                continue;
            }
            if (found is not null)
            {
                return null;
            }
            found = i + 1;
        }
        return found;
    }

    /// <summary>The beginnings of the first word of a shop's name, two letters and longer ("행복", "행복분", "행복분식").</summary>
    private static IEnumerable<string> NameStarts(string shopName)
    {
        var first = shopName.Split([' ', '(', '·', '-'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant() ?? "";
        for (var length = 2; length <= first.Length; length++)
        {
            yield return first[..length];
        }
    }

    private static string Compact(string text) => text.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();

    private static bool Says(IReadOnlyList<string> cues, string compactText) =>
        cues.Any(cue => compactText.Contains(cue, StringComparison.Ordinal));

    /// <summary>A number and 번 (typed 뻔 too), not part of a longer number, not an exit, bus, lot or road number.</summary>
    [GeneratedRegex(@"(?<![0-9])([0-9]{1,2})(?:번|뻔)(?!출구|버스|지|길|국도|선|호선|마을|방)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedPick();

    /// <summary>A message that is only a small number ("2", "2!"): the pick of that number.</summary>
    [GeneratedRegex(@"^([1-9])[.!?~]*$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumber();
}
