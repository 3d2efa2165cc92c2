using Naviyam.Lexicons;
using Naviyam.Preprocessing;

namespace Naviyam.Conversation;

/// <summary>A message that asks for something the product never helps to find, and the word that asked for it.</summary>
public sealed record RefusalRequest(RefusalTopic Topic, string Word);

/// <summary>
/// Whether a message asks for alcohol, tobacco or an adult venue (<see cref="RefusalLexicon"/> has the words). Such a
/// request is refused for anyone, since the meal card pays for meals. The grammar lives here: a word the message turns
/// down ("맥주는 말고", "술 안 파는 곳") or that names a dish ("와인삼겹살") is no request, nor is someone else's drinking
/// ("아빠가 술 마셔서 …"), and a word that also names ordinary things (클럽, 룸) counts only on its own and when a request
/// follows it.
/// </summary>
public sealed class Refusals(RefusalLexicon lexicon, FoodLexicon foods)
{
    /// <summary>How far after a word its refusal may start ("맥주는 필요 없어": the 필요없 starts 1 letter on).</summary>
    private const int NegationReach = 6;

    /// <summary>How far before a word the person who drinks may be named ("아빠가 어제 술 …").</summary>
    private const int ThirdPartyReach = 8;

    /// <summary>Turning the thing down: the message is about something else ("치킨 먹고 싶어 맥주는 말고").</summary>
    private static readonly string[] Negations =
    [
        "말고", "말구", "빼고", "빼구", "없이", "없는", "없고", "제외", "싫", "시러", "안마", "못마", "안먹", "못먹", "안사", "안살", "안파",
        "안팔", "아니고", "아니라", "필요없", "노노", "말자", "끊었", "끊을", "끊고", "안피", "안펴", "안해", "안할",
    ];

    /// <summary>Verbs of someone else drinking or smoking, after a third party: a child telling, not asking.</summary>
    private static readonly string[] UsingVerbs =
    [
        "마시", "마셔", "마신", "마셨", "취해", "취했", "취한", "먹고", "먹어", "먹었", "먹은", "피워", "피우", "피운", "피웠", "펴서", "핀다",
    ];

    /// <summary>What makes a word that also names ordinary things a request: "클럽 가자", "룸 추천", "팟 어디서 사".</summary>
    private static readonly string[] Requests =
    [
        "추천", "가자", "갈래", "갈까", "가고싶", "가고시", "가구싶", "놀러", "어디", "알려", "찾아", "파는", "사러", "살래", "사고싶", "살수",
        "사줘", "갈만", "가볼", "피우", "피고싶", "가는데",
    ];

    /// <summary>Particles that may stand between such a word and its request ("클럽에 가자").</summary>
    private static readonly string[] Particles = ["으로", "같은", "에", "을", "를", "이", "가", "은", "는", "도", "좀", "로"];

    private const char Blank = ' ';

    /// <summary>The request the message makes, or null. When several words are found the longest wins (술집 over 술).</summary>
    public RefusalRequest? Find(PreprocessedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Compact.Length == 0)
        {
            return null;
        }
        var compact = text.Compact.ToLowerInvariant();
        var wordStarts = FoodLexicon.WordStarts(text.Normalized.ToLowerInvariant());
        var masked = Masked(compact);
        IReadOnlyList<FoodMention>? dishes = null;
        RefusalRequest? best = null;
        foreach (var topic in lexicon.Topics)
        {
            foreach (var (word, asked) in topic.Words.Select(w => (w, false)).Concat(topic.AskedWords.Select(w => (w, true))))
            {
                if (best is not null && word.Length <= best.Word.Length)
                {
                    continue;
                }
                for (var at = masked.IndexOf(word, StringComparison.Ordinal); at >= 0; at = masked.IndexOf(word, at + 1, StringComparison.Ordinal))
                {
                    var end = at + word.Length;
                    dishes ??= foods.FindAll(compact, wordStarts);
                    if ((asked && (!StartsAWord(compact, wordStarts, at) || !RequestFollows(masked, end)))
                        || NamesADish(dishes, wordStarts, end)
                        || TurnedDown(masked, end)
                        || topic.Topic != RefusalTopic.Adult && SomeoneElseUses(masked, at, end))
                    {
                        continue;
                    }
                    best = new RefusalRequest(topic.Topic, word);
                    break;
                }
            }
        }
        return best;
    }

    /// <summary>
    /// The text with every false friend blanked out, letter for letter, so positions stay the same. Compounds are written
    /// with and without spaces (담배 냄새), so a false friend may span one; but one that starts inside the particles 에서 or
    /// 에도 is the particle and the next word ("편의점에서 술" holds no 서술).
    /// </summary>
    private string Masked(string compact)
    {
        var letters = compact.ToCharArray();
        foreach (var friend in lexicon.FalseFriends)
        {
            for (var at = compact.IndexOf(friend, StringComparison.Ordinal); at >= 0; at = compact.IndexOf(friend, at + 1, StringComparison.Ordinal))
            {
                if (!EndsAParticle(compact, at))
                {
                    letters.AsSpan(at, friend.Length).Fill(Blank);
                }
            }
        }
        return new string(letters);
    }

    /// <summary>The letter at <paramref name="at"/> closes 에서 or 에도.</summary>
    private static bool EndsAParticle(string compact, int at) =>
        at > 0 && compact[at - 1] == '에' && compact[at] is '서' or '도';

    /// <summary>A word that also names ordinary things counts on its own only: 클럽, not 축구클럽; 룸, not 스터디룸.</summary>
    private static bool StartsAWord(string compact, bool[] wordStarts, int at) =>
        at == 0 || wordStarts[at] || !Jamo.IsSyllable(compact[at - 1]);

    /// <summary>"와인삼겹살", "막걸리빵": a dish follows the word inside the same written word.</summary>
    private static bool NamesADish(IReadOnlyList<FoodMention> dishes, bool[] wordStarts, int end) =>
        end < wordStarts.Length && !wordStarts[end] && dishes.Any(dish => dish.Start == end);

    private static bool TurnedDown(string masked, int end)
    {
        // Wide enough for the longest negation to start anywhere inside the reach.
        var after = masked.AsSpan(end, Math.Min(NegationReach + 4, masked.Length - end));
        foreach (var negation in Negations)
        {
            var found = after.IndexOf(negation, StringComparison.Ordinal);
            if (found >= 0 && found < NegationReach)
            {
                return true;
            }
        }
        return false;
    }

    private bool SomeoneElseUses(string masked, int at, int end)
    {
        var before = masked.Substring(Math.Max(0, at - ThirdPartyReach), Math.Min(at, ThirdPartyReach));
        if (!lexicon.ThirdParties.Any(person => before.Contains(person, StringComparison.Ordinal)))
        {
            return false;
        }
        var after = masked.Substring(end, Math.Min(NegationReach, masked.Length - end));
        return UsingVerbs.Any(verb => after.Contains(verb, StringComparison.Ordinal));
    }

    private static bool RequestFollows(string masked, int end)
    {
        var after = masked[end..];
        var particle = Particles.FirstOrDefault(p => after.StartsWith(p, StringComparison.Ordinal) && StartsWithRequest(after[p.Length..]));
        return particle is not null || StartsWithRequest(after);
    }

    private static bool StartsWithRequest(string text) => Requests.Any(r => text.StartsWith(r, StringComparison.Ordinal));
}
