using System.Collections.Frozen;
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

/// <summary>
/// A pick a message names: its 1-based number in the list (past the end when the list is shorter) and how it was named.
/// A name is <paramref name="Sure"/> when it is the shop's whole name or is pointed at ("그 김밥집"); part of a name or a
/// meal alone ("분식 어디") may as well start a new search.
/// </summary>
public sealed record PickReference(int Number, PickNaming Naming, bool Sure = true);

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
    /// "더 싼 데 없어?" after an answer that priced nothing (a list without menus): nothing to compare with, so the turn
    /// offers other shops instead of the same ones again, and says why.
    /// </summary>
    public bool CheaperThanUnpriced(string compactText, ChatReply? previousReply) =>
        Says(phrases.Cheaper, compactText) && Offered(previousReply).Count > 0 && CheaperThan(compactText, previousReply) is null;

    /// <summary>
    /// "다른 데 보여줘", "딴 거 없어?": the shops the session's answers have offered, which the next answer must not
    /// repeat (pressing it again walks on through the list); empty when the message does not ask for others and
    /// <paramref name="othersNeeded"/> is false.
    /// </summary>
    public IReadOnlySet<string> OfferedBefore(string compactText, SessionHistory history, bool othersNeeded = false)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (!othersNeeded && !Says(phrases.Others, compactText))
        {
            return FrozenSet<string>.Empty;
        }
        return history.Replies.SelectMany(Offered).Select(view => view.ShopId).ToHashSet(StringComparer.Ordinal);
    }

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
        return ReferenceIn(compactText, offered) is { Sure: true } reference && reference.Number <= offered.Count ? offered[reference.Number - 1] : null;
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
        if (NamedIn(text, offered) is var (named, at, whole))
        {
            return new PickReference(named, PickNaming.Name, whole || PointedAt(text, at));
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

    /// <summary>"2번 말고 다른 데", "거기 싫어": the pick is turned down, which asks for another search, not about it.</summary>
    public bool TurnsDown(string compactText) => TurnedDown.Any(word => compactText.Contains(word, StringComparison.Ordinal));

    private static readonly string[] TurnedDown = ["말고", "빼고", "아니고", "싫어", "싫은데", "별로"];

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
    /// The pick whose shop name (whole, or the beginning or end of one of its words, two letters or more: "행복" or "분식"
    /// for 행복분식, "그 분식집") or meal the message names, when exactly one pick fits; the strongest kind of match decides.
    /// Also where in the text the name stands, and whether it is the whole name.
    /// </summary>
    private static (int Number, int At, bool Whole)? NamedIn(string text, IReadOnlyList<RecommendationView> offered)
    {
        if (Unique(offered, view => Found(text, [Compact(view.ShopName)])) is { } whole)
        {
            return whole with { Whole = true };
        }
        return Unique(offered, view => Found(text, NameParts(view.ShopName)))
               ?? Unique(offered, view => view.MenuName is { Length: >= 2 } menu ? Found(text, [Compact(menu)]) : null);
    }

    /// <summary>Where the first of <paramref name="words"/> found in the text stands, or null.</summary>
    private static int? Found(string text, IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0)
            {
                return at;
            }
        }
        return null;
    }

    /// <summary>"그 김밥집", "아까 거기 분식집", "저 중국집": a name pointed at with a demonstrative just before it.</summary>
    private static bool PointedAt(string text, int at) =>
        Demonstratives.Any(word => text.AsSpan(0, at).EndsWith(word, StringComparison.Ordinal));

    private static readonly string[] Demonstratives = ["그", "저", "아까", "방금", "거기", "그때"];

    /// <summary>The one pick the text names (1-based) and where, or null when none or several do.</summary>
    private static (int Number, int At, bool Whole)? Unique(IReadOnlyList<RecommendationView> offered, Func<RecommendationView, int?> foundAt)
    {
        (int, int, bool)? found = null;
        for (var i = 0; i < offered.Count; i++)
        {
            if (foundAt(offered[i]) is not { } at)
            {
                continue;
            }
            if (found is not null)
            {
                return null;
            }
            found = (i + 1, at, false);
        }
        return found;
    }

    /// <summary>
    /// The beginnings and ends of the words of a shop's name, two letters and longer ("행복", "행복분", "분식", "복분식" for
    /// 행복분식); a branch ("봉천점") names a place, not the shop, and is left out.
    /// </summary>
    private static IEnumerable<string> NameParts(string shopName)
    {
        var words = shopName.ToLowerInvariant().Split([' ', '(', ')', '·', '-'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words.Where((word, index) => index == 0 || !word.EndsWith('점')))
        {
            for (var length = 2; length <= word.Length; length++)
            {
                yield return word[..length];
                yield return word[^length..];
            }
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
