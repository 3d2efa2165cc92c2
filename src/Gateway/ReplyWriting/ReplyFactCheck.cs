using System.Text.RegularExpressions;
using Naviyam.Chat;

namespace Naviyam.Gateway.ReplyWriting;

/// <summary>
/// Whether a rewritten reply still says exactly what the template said: every shop and meal named, every amount of
/// money the same and none added, and not much longer. The template's facts come from the data; a rewrite may change
/// only the words around them.
/// </summary>
public static partial class ReplyFactCheck
{
    public static bool Keeps(ChatReply template, string rewrite) => Keeps(template, rewrite, []);

    /// <summary>
    /// As <see cref="Keeps(ChatReply, string)"/>, except that the rewrite may also mention the amounts in
    /// <paramref name="lookedUp"/>: what the kernel functions read from the data during the rewrite (a balance, say).
    /// </summary>
    public static bool Keeps(ChatReply template, string rewrite, IReadOnlyCollection<long> lookedUp)
    {
        if (string.IsNullOrWhiteSpace(rewrite) || rewrite.Length > template.Reply.Length * 2 + 200)
        {
            return false;
        }
        var picks = template.Recommendations.Concat(template.PriceUnknown).ToList();
        var names = picks.Select(p => p.ShopName).Concat(picks.Select(p => p.MenuName)).OfType<string>();
        if (names.Any(name => !rewrite.Contains(name, StringComparison.Ordinal)))
        {
            return false;
        }
        var said = Amounts(template.Reply);
        var saidNow = Amounts(rewrite);
        return said.IsSubsetOf(saidNow) && saidNow.Except(said).All(lookedUp.Contains);
    }

    /// <summary>Every amount of money in a text, as won: "4,000원", "4000원", "4천원", "1만 2천원".</summary>
    private static HashSet<long> Amounts(string text) =>
        [.. Money().Matches(text).Select(m => Won(m.Groups["man"].Value, m.Groups["cheon"].Value, m.Groups["rest"].Value))];

    private static long Won(string man, string cheon, string rest) =>
        Part(man) * 10_000 + Part(cheon) * 1_000 + Part(rest);

    private static long Part(string digits) => digits.Length == 0 ? 0 : long.Parse(digits.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?=\d)(?:(?<man>\d[\d,]*)\s*만\s*)?(?:(?<cheon>\d[\d,]*)\s*천\s*)?(?<rest>\d[\d,]*)?\s*원")]
    private static partial Regex Money();
}
