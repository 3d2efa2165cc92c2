using Naviyam.Chat;
using Naviyam.Lexicons;

namespace Naviyam.Conversation;

/// <summary>
/// Messages about the meal card and ordering with it, from <see cref="CardPhrases"/>: a balance question ("잔액 얼마야?"),
/// an order ("2번으로 주문해 줘"), cancelling the last order, and yes or no to a confirmation. The grammar is here: a yes
/// is the whole message (with polite endings, laughter and punctuation), so "어디야" never reads as "어".
/// </summary>
public sealed class CardRequests(CardPhrases phrases)
{
    /// <summary>What may stand around a yes or a no without changing it: endings, laughter, punctuation.</summary>
    private static readonly string[] Fillers =
    [
        "주세요", "줘요", "세요", "이요", "입니다", "요", "용", "염", "여", "유", "임", "줘", "ㅋ", "ㅎ", "ㅠ", "ㅜ", "~", "!", ".", "?", "^", ",",
    ];

    /// <summary>"잔액 없어", "0원": a statement about the balance, not a question.</summary>
    private static readonly string[] NoMoney = ["없", "0원", "바닥"];

    /// <summary>
    /// "잔액 얼마야?", "카드에 돈 얼마 남았어", "급식카드 잔액": asks how much is on the card, and nothing else — not a stated
    /// amount ("잔액 5천원인데"), a food, or no money ("잔액 없어": then the card cannot pay, a search's business).
    /// </summary>
    public bool IsBalanceQuestion(string compactText, Entities said)
    {
        ArgumentNullException.ThrowIfNull(said);
        var text = compactText.ToLowerInvariant();
        var topic = phrases.Balance.FirstOrDefault(word => text.Contains(word, StringComparison.Ordinal));
        if (topic is null || said.Budget is not null || said.FoodType is not null)
        {
            return false;
        }
        var afterTopic = text[(text.IndexOf(topic, StringComparison.Ordinal) + topic.Length)..];
        if (NoMoney.Any(word => afterTopic.Contains(word, StringComparison.Ordinal)))
        {
            return false;
        }
        // A bare "급식카드 잔액" asks as much as "잔액 얼마야?".
        return phrases.BalanceQuestions.Any(word => text.Contains(word, StringComparison.Ordinal)) || StripFillers(afterTopic).Length <= 2;
    }

    /// <summary>"주문해 줘", "2번 시켜줘", "결제할래": a wish to buy (which pick is another question).</summary>
    public bool IsOrder(string compactText) => Says(phrases.Order, compactText);

    /// <summary>"이걸로 할게", "2번으로 할래": choosing, which orders the pick named with it.</summary>
    public bool IsChoice(string compactText) => Says(phrases.Choose, compactText);

    /// <summary>"주문 취소해 줘", "환불해줘": take back the last order.</summary>
    public bool IsCancelOrder(string compactText) => Says(phrases.CancelOrder, compactText);

    /// <summary>"응", "ㅇㅇ", "네 좋아요!", "응 주문해 줘": agreement and nothing else.</summary>
    public bool IsYes(string compactText) => IsOnly(phrases.Yes, compactText);

    /// <summary>"아니", "싫어", "아니요 괜찮아요": declining and nothing else.</summary>
    public bool IsNo(string compactText) => IsOnly(phrases.No, compactText);

    /// <summary>Whether the message starts by declining ("아니 3번으로"), whatever follows.</summary>
    public bool StartsWithNo(string compactText)
    {
        var text = compactText.ToLowerInvariant();
        return phrases.No.Any(word => text.StartsWith(word, StringComparison.Ordinal));
    }

    /// <summary>The message is covered, left to right, by these words and the fillers, and holds at least one of the words.</summary>
    private static bool IsOnly(IReadOnlyList<string> words, string compactText)
    {
        var text = compactText.ToLowerInvariant();
        var position = 0;
        var sawWord = false;
        while (position < text.Length)
        {
            var rest = text.AsSpan(position);
            var word = Longest(words, rest);
            if (word > 0)
            {
                sawWord = true;
                position += word;
                continue;
            }
            var filler = Longest(Fillers, rest);
            if (filler == 0)
            {
                return false;
            }
            position += filler;
        }
        return sawWord;
    }

    private static int Longest(IReadOnlyList<string> words, ReadOnlySpan<char> rest)
    {
        var longest = 0;
        foreach (var word in words)
        {
            if (word.Length > longest && rest.StartsWith(word, StringComparison.Ordinal))
            {
                longest = word.Length;
            }
        }
        return longest;
    }

    private static string StripFillers(string text)
    {
        var changed = true;
        while (changed && text.Length > 0)
        {
            changed = false;
            foreach (var filler in Fillers)
            {
                if (text.EndsWith(filler, StringComparison.Ordinal))
                {
                    text = text[..^filler.Length];
                    changed = true;
                }
            }
        }
        return text;
    }

    private static bool Says(IReadOnlyList<string> cues, string compactText)
    {
        var text = compactText.ToLowerInvariant();
        return cues.Any(cue => text.Contains(cue, StringComparison.Ordinal));
    }
}
