using System.Text.RegularExpressions;
using Naviyam.Lexicons;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu.Extractors;

/// <summary>exclusions besides the foods turned down: ingredients and any other word the user asks to have taken out.</summary>
internal sealed partial class ExclusionExtractor(
    FoodLexicon foods, CueLexicon cues, Ingredients ingredients, RejectionGrammar rejection, TasteExtractor tastes)
{
    /// <summary>
    /// Ingredients that are not dishes (오이, 양파, 소금, 단무지) turned down in the message, and any other word the
    /// user asks to have taken out (○○ 빼 주세요), as said. Foods turned down are <see cref="FoodTypeExtractor"/>'s.
    /// </summary>
    public IReadOnlyList<string> Find(PreprocessedText text, IReadOnlyList<FoodMention> mentions)
    {
        var compact = text.Compact;
        var exclusions = new List<string>();
        if (compact.Length == 0)
        {
            return exclusions;
        }
        var wordStarts = FoodLexicon.WordStarts(text.Normalized);
        var taken = new bool[compact.Length];
        foreach (var mention in mentions)
        {
            taken.AsSpan(mention.Start, mention.End - mention.Start).Fill(true);
        }
        var found = new List<(int At, string Word)>();
        foreach (var ingredient in ingredients.LongestFirst)
        {
            for (var at = compact.IndexOf(ingredient, StringComparison.Ordinal); at >= 0;
                 at = compact.IndexOf(ingredient, at + 1, StringComparison.Ordinal))
            {
                if (!wordStarts[at] || taken.AsSpan(at, ingredient.Length).Contains(true))
                {
                    continue;
                }
                taken.AsSpan(at, ingredient.Length).Fill(true);
                if (rejection.IsRejectedAfter(compact, at + ingredient.Length))
                {
                    found.Add((at, ingredient));
                }
            }
        }
        foreach (var (_, word) in found.OrderBy(f => f.At))
        {
            exclusions.AddOnce(word);
        }
        foreach (Match removal in RemovalRequest().Matches(text.Normalized))
        {
            var word = StripParticle(removal.Groups["noun"].Value);
            if (word.Length == 0 || NotRemovable.Contains(word) || ingredients.Contains(word) || foods.TryGet(word, out _)
                || cues["reject"].Any(cue => word.StartsWith(cue, StringComparison.Ordinal))
                || tastes.IsTasteWord(word) || foods.FindAll(word).Count > 0)
            {
                continue;
            }
            exclusions.AddOnce(word);
        }
        return exclusions;
    }

    private static string StripParticle(string word)
    {
        foreach (var particle in (string[])["은", "는", "을", "를", "도", "만"])
        {
            if (word.Length > 1 && word.EndsWith(particle, StringComparison.Ordinal))
            {
                return word[..^1];
            }
        }
        // 이/가 only off longer words: 오이 and 파가 keep their last syllable, 마늘이 loses it.
        return word.Length > 2 && (word.EndsWith('이') || word.EndsWith('가')) ? word[..^1] : word;
    }

    // Pronouns and generic words that a removal request may name but that are no ingredient.
    private static readonly HashSet<string> NotRemovable = new(StringComparer.Ordinal)
    {
        "이거", "그거", "저거", "이것", "그것", "저것", "이건", "그건", "거", "것", "다", "전부", "모두", "하나", "좀", "꼭", "이",
        "그", "메뉴", "재료", "옵션", "나", "저", "나는", "저는", "제발", "진짜", "그냥", "혹시", "이번", "여기", "거기",
    };

    // "○○ 빼 주세요" with a word the lexicons lack: a request to take it out. Not "빼고" (which also means "except").
    [GeneratedRegex(@"(?<![가-힣])(?<noun>[가-힣]{1,5})\s*(?:꼭\s*|좀\s*)?(?:빼\s*(?:주|줘|줄|달|요|ㅠ|$|[!?.~])|넣지\s*(?:마|말))")]
    private static partial Regex RemovalRequest();
}
