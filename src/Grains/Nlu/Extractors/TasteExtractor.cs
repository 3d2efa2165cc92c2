using System.Text.RegularExpressions;
using Naviyam.Lexicons;

namespace Naviyam.Nlu.Extractors;

/// <summary>taste_preference, from <c>cues.json</c>'s tastes and their negations; a taste turned down becomes an exclusion.</summary>
internal sealed partial class TasteExtractor(CueLexicon cues, Ingredients ingredients, RejectionGrammar rejection)
{
    private readonly Dictionary<string, string> negatedTaste = new(cues.Map("taste_negated"), StringComparer.Ordinal);

    private readonly (string Alias, string Word)[] tasteAliases = cues.Tastes.Concat(cues.ExtraTastes)
        .SelectMany(t => t.Aliases.Append(t.Word).Select(a => (Alias: CueLexicon.Compact(a), t.Word)))
        .Where(p => p.Alias.Length > 0)
        .DistinctBy(p => p.Alias)
        .OrderByDescending(p => p.Alias.Length)
        .ToArray();

    /// <summary>
    /// The taste asked for. A rejected taste (매운 거 말고, 느끼한 거 싫어) becomes its negated word when there is one
    /// and goes to exclusions; a negated one (안 매운, 덜 느끼하게) only sets the taste. Tastes merely asked about
    /// (짬뽕 얼큰해?), listed as options (매운맛이랑 순한맛 있어?) or contradicting each other set nothing.
    /// </summary>
    public TasteFinding Extract(string compact)
    {
        var turnedDown = new List<string>();
        var found = new List<(int At, int End, string Alias, string Word)>();
        var taken = new bool[compact.Length];
        foreach (var (alias, word) in tasteAliases)
        {
            for (var at = compact.IndexOf(alias, StringComparison.Ordinal); at >= 0;
                 at = compact.IndexOf(alias, at + 1, StringComparison.Ordinal))
            {
                if (taken.AsSpan(at, alias.Length).Contains(true))
                {
                    continue;
                }
                taken.AsSpan(at, alias.Length).Fill(true);
                found.Add((at, at + alias.Length, alias, word));
            }
        }
        found.Sort((a, b) => a.At.CompareTo(b.At));
        // An ingredient spelled like a taste (얼음 적게) is an ingredient.
        found.RemoveAll(f => ingredients.Contains(f.Alias));
        for (var k = 0; k + 1 < found.Count; k++)
        {
            var gap = compact.AsSpan(found[k].End, found[k + 1].At - found[k].End);
            if (found[k].Word != found[k + 1].Word && OptionJoiner().IsMatch(gap.ToString()))
            {
                return new TasteFinding(null, turnedDown); // 매운맛이랑 순한맛 있어?, 매운맛 달콤한맛: options of a menu
            }
        }

        var decided = new List<string>();
        foreach (var (at, end, alias, word) in found)
        {
            var after = end;
            if (after < compact.Length && compact[after] is '거' or '건' or '걸' or '것')
            {
                after++;
            }
            var rejected = rejection.IsRejectedAfter(compact, after);
            var cannotEatPerson = CannotEatPerson().IsMatch(compact.AsSpan(end).ToString());
            if (!rejected && TasteTalk().IsMatch(compact.AsSpan(end).ToString()))
            {
                continue; // 짬뽕 얼큰해?, 매운맛 조절 되나
            }
            var isNegativeWord = negatedTaste.ContainsValue(word);
            string? result;
            if (isNegativeWord)
            {
                result = word;
                var positive = negatedTaste.First(p => p.Value == word).Key;
                if (alias.Contains("못먹", StringComparison.Ordinal) || cues["reject"].Any(r => alias.Contains(r, StringComparison.Ordinal)))
                {
                    turnedDown.AddOnce(positive); // the alias itself is a rejection: "매운 거 말고"
                }
            }
            else if (rejected)
            {
                turnedDown.AddOnce(word);
                result = negatedTaste.GetValueOrDefault(word);
            }
            else if (at >= 1 && compact[at - 1] is '안' or '덜' || cannotEatPerson)
            {
                result = negatedTaste.GetValueOrDefault(word); // 덜 달게 has no word of its own
            }
            else
            {
                result = word;
            }
            if (result is not null)
            {
                decided.Add(result);
            }
        }
        if (decided.Any(d => negatedTaste.TryGetValue(d, out var negative) && decided.Contains(negative)))
        {
            return new TasteFinding(null, turnedDown); // 하나는 매운 거 하나는 안 매운 거
        }
        return new TasteFinding(decided.FirstOrDefault(), turnedDown);
    }

    /// <summary>Whether a word is a taste or one of its aliases (매콤, 달달): no ingredient to take out.</summary>
    public bool IsTasteWord(string word) => tasteAliases.Any(t => t.Alias == word);

    // Between two taste words: options of one menu (매운맛이랑 순한맛, 매운맛 달콤한맛).
    [GeneratedRegex(@"^맛?(?:이랑|랑|하고|아니면|vs|,|/|or)?$", RegexOptions.IgnoreCase)]
    private static partial Regex OptionJoiner();

    // After a taste word: a question about it (얼큰해?, 매운가요?) or talk of levels (매운맛 조절, 매운맛 단계).
    [GeneratedRegex(@"^(?:맛)?(?:이)?(?:(?:해|해요|한가요|한가|하나요|하나|한지|가요|가|나요|나|니|냐|지|죠|요)?\?|(?:해|해요|하다|함)[ㅠㅜ.!~]*$|(?:을|를)?(?:조절|단계|고를|골라|선택|종류))")]
    private static partial Regex TasteTalk();

    // "매운 거 못 먹는 사람" (맵찔이): the taste is avoided, nothing is turned down.
    [GeneratedRegex(@"^(?:거|것|걸|건)?(?:을|를|은|는|도)?(?:잘)?못먹는(?:사람|애|편)")]
    private static partial Regex CannotEatPerson();
}

/// <summary>The taste wanted, if one is, and the tastes turned down (매운 거 말고 → 안 매운, and 매운 to exclude).</summary>
internal sealed record TasteFinding(string? Taste, IReadOnlyList<string> TurnedDown);
