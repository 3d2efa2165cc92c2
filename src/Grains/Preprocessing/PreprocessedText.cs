namespace Naviyam.Preprocessing;

/// <summary>
/// A message after normalization. <see cref="Normalized"/> keeps single spaces for phrase rules;
/// <see cref="Compact"/> drops them, because Korean users space words freely (배고픈데뭐먹지).
/// </summary>
public sealed record PreprocessedText(
    string Original,
    string Normalized,
    string Compact,
    IReadOnlySet<string> Signals)
{
    public bool IsEmpty => Normalized.Length == 0;

    public bool Has(string signal) => Signals.Contains(signal);
}

/// <summary>Signals the preprocessor and lexicons attach to a message.</summary>
public static class Signals
{
    public const string Hunger = "hunger";
    public const string Hurry = "hurry";
    public const string Distress = "distress";
    public const string SkippedMeal = "skipped_meal";
    public const string NoMoney = "no_money";
    public const string Happy = "happy";
    public const string Sad = "sad";
    public const string Negative = "negative";
    public const string Thanks = "thanks";
    public const string Greeting = "greeting";
    public const string EmojiOnly = "emoji_only";

    /// <summary>Every signal, so that a lexicon file naming an unknown one is refused instead of never firing.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Hunger, Hurry, Distress, SkippedMeal, NoMoney, Happy, Sad, Negative, Thanks, Greeting, EmojiOnly,
    };
}
