using System.Globalization;
using System.Text;

namespace Naviyam.Preprocessing;

/// <summary>
/// First pipeline stage: Unicode NFC, control characters out, whitespace folded, runs of the same
/// character shortened (ㅋㅋㅋㅋㅋ → ㅋㅋ, !!!! → !), emoji and emoticons turned into signals.
/// </summary>
public sealed class TextNormalizer(EmojiSignals emojiSignals, SlangLexicon slang)
{
    /// <summary>Longer input is cut here: the API rejects it earlier, this only bounds the work.</summary>
    public const int MaxLength = 1_000;

    public PreprocessedText Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new PreprocessedText(text ?? "", "", "", new HashSet<string>());
        }

        var input = text.Length > MaxLength ? text[..MaxLength] : text;
        var nfc = input.IsNormalized(NormalizationForm.FormC) ? input : input.Normalize(NormalizationForm.FormC);

        var signals = new HashSet<string>();
        var builder = new StringBuilder(nfc.Length);
        var sawText = false;
        var enumerator = StringInfo.GetTextElementEnumerator(nfc);
        string? previous = null;
        var repeat = 0;
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (emojiSignals.TryGet(element, out var emoji))
            {
                if (emoji.Signal is { } signal)
                {
                    signals.Add(signal);
                }
                if (emoji.Food is { } food)
                {
                    // A food emoji speaks like the word: 🍕 asks for pizza.
                    AppendWord(builder, food);
                    sawText = true;
                }
                previous = null;
                continue;
            }

            var rune = Rune.GetRuneAt(element, 0);
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }
            if (category == UnicodeCategory.OtherSymbol || element.Length > 2 && !IsHangulOrLetter(rune))
            {
                // An unknown pictograph carries no words; drop it rather than confuse the word rules.
                continue;
            }

            var isSpace = Rune.IsWhiteSpace(rune);
            if (isSpace)
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
                previous = null;
                continue;
            }

            // Digits repeat for real (12000), so only letters and symbols are folded.
            if (element == previous && !Rune.IsDigit(rune))
            {
                repeat++;
                // Letters may double legitimately (짱짱, ㅋㅋ); punctuation never needs to.
                var limit = Rune.IsPunctuation(rune) || Rune.IsSymbol(rune) ? 1 : 2;
                if (repeat >= limit)
                {
                    continue;
                }
            }
            else
            {
                previous = element;
                repeat = 0;
            }

            builder.Append(char.IsUpper(element[0]) ? element.ToLowerInvariant() : element);
            if (!IsJamoOrPunctuation(rune))
            {
                sawText = true;
            }
        }

        var normalized = builder.ToString().Trim();
        normalized = emojiSignals.ExtractEmoticons(normalized, signals);
        normalized = slang.Rewrite(normalized, signals);
        if (!sawText && signals.Count > 0)
        {
            signals.Add(Signals.EmojiOnly);
        }

        var compact = normalized.Replace(" ", "", StringComparison.Ordinal);
        return new PreprocessedText(text, normalized, compact, signals);
    }

    private static void AppendWord(StringBuilder builder, string word)
    {
        if (builder.Length > 0 && builder[^1] != ' ')
        {
            builder.Append(' ');
        }
        builder.Append(word).Append(' ');
    }

    private static bool IsHangulOrLetter(Rune rune) => Rune.IsLetterOrDigit(rune);

    private static bool IsJamoOrPunctuation(Rune rune) =>
        rune.Value is >= 0x3131 and <= 0x318E || Rune.IsPunctuation(rune) || Rune.IsSymbol(rune);
}
