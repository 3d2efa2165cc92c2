using Naviyam.Lexicons;

namespace Naviyam.Nlu.Extractors;

/// <summary>
/// How a message turns a food or an ingredient down right after naming it (피자는 싫어, 오이 꼭 빼주세요, 떡볶이는
/// 질렸고, 양파랑 마늘 빼 주세요) or right before (제외 피자): the particles, adverbs and conjunctions that may stand in
/// between are grammar and live here; the rejection phrases are <c>cues.json</c>'s <c>reject</c> list.
/// </summary>
internal sealed class RejectionGrammar(FoodLexicon foods, CueLexicon cues, Ingredients ingredients)
{
    private static readonly string[] Particles = ["은", "는", "이", "가", "을", "를", "도", "만", "류", "종류", "같은거", "같은건", "같은", "는좀", "은좀", "좀"];

    // Adverbs that may stand between a food and its rejection: 오이 꼭 빼주세요, 치킨은 진짜 싫어.
    private static readonly string[] Adverbs = ["꼭", "좀", "제발", "전부", "싹", "진짜", "정말", "완전", "절대", "그냥", "이제", "요즘", "너무", "다"];

    // Between two foods turned down together: 양파랑 마늘 빼 주세요, 피자나 치킨 말고.
    private static readonly string[] Conjunctions = ["이랑", "랑", "하고", "와", "과", "이나", "나", ","];

    /// <summary>
    /// True when the word ending at <paramref name="end"/> is turned down right after it: 피자는 싫어, 오이 꼭 빼주세요,
    /// 떡볶이는 질렸고, 치즈 없는 걸로, 파 넣지 마세요.
    /// </summary>
    public bool IsRejectedAfter(string compact, int end)
    {
        var i = end;
        // Skip particles and "거/건" (피자는 싫어, 매운 거 말고).
        foreach (var particle in Particles)
        {
            if (compact.AsSpan(i).StartsWith(particle))
            {
                i += particle.Length;
                break;
            }
        }
        for (var skipped = 0; skipped < 2; skipped++)
        {
            foreach (var adverb in Adverbs)
            {
                if (compact.AsSpan(i).StartsWith(adverb))
                {
                    i += adverb.Length;
                    break;
                }
            }
        }
        if (!cues.StartsAt("reject", compact, i, out var length))
        {
            return IsCoordinatedWithRejected(compact, end);
        }
        var cue = compact.AsSpan(i, length);
        var after = compact.AsSpan(i + length);
        if (cue.SequenceEqual("빼"))
        {
            // 빼빼로 is a snack and 빼먹다 is "to forget", not a removal.
            return !(after.StartsWith("빼") || after.StartsWith("먹") || after.StartsWith("앗"));
        }
        if (cue.Contains("먹", StringComparison.Ordinal))
        {
            if (after.StartsWith("사람") || after.StartsWith("애"))
            {
                return false; // "매운 거 못 먹는 사람" (맵찔이) describes the eater, it turns nothing down
            }
            // "치킨 못 먹어?" asks whether it can be had; a question is not a refusal.
            var rest = after.Length > 3 ? after[..3] : after;
            return !rest.Contains('?');
        }
        return true;
    }

    /// <summary>"양파랑 마늘 빼 주세요": a food or ingredient joined to the next one, which is turned down.</summary>
    private bool IsCoordinatedWithRejected(string compact, int end)
    {
        foreach (var conjunction in Conjunctions)
        {
            if (!compact.AsSpan(end).StartsWith(conjunction))
            {
                continue;
            }
            var next = end + conjunction.Length;
            for (var length = Math.Min(6, compact.Length - next); length >= 1; length--)
            {
                var word = compact.Substring(next, length);
                if ((ingredients.Contains(word) || foods.TryGet(word, out _)) && IsRejectedAfter(compact, next + length))
                {
                    return true;
                }
            }
        }
        return false;
    }

    // "제외 피자" is rare but "안 먹고 싶은 건 피자" style ordering exists; both read as a rejection.
    public static bool IsNegatedBefore(string compact, int start) =>
        compact.AsSpan(0, start).EndsWith("제외") || compact.AsSpan(0, start).EndsWith("싫은건");
}
