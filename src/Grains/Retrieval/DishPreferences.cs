using Naviyam.Lexicons;

namespace Naviyam.Retrieval;

/// <summary>
/// A kind of dish wished for without naming one: "국물 있는 거 땡긴다", "면 종류 먹고 싶다", "매운 거 먹고 싶어",
/// "간단하게 먹을래". These are not a food_type (the labelling rules keep generic words out of entities), so they only
/// steer ranking: menus of that kind are preferred, and a shop without one is still allowed.
/// </summary>
public sealed record DishPreference(string Label, Func<string, bool> Matches);

/// <summary>
/// Finds the <see cref="DishPreference"/> a message states. The kinds, their cue phrases and their dishes come from
/// <c>data/lexicons/dishes.json</c>; "매운" comes from the NLU's taste entity and is judged by <see cref="SpicyDishes"/>.
/// </summary>
public sealed class DishPreferences
{
    public const int FileVersion = 1;

    // Refusing the kind right after its cue: "국물 없는 거", "국물 말고", "국물 적게".
    private static readonly string[] Refusals = ["없는", "없이", "말고", "빼고", "싫", "별로", "적게"];

    private readonly (string[] Cues, DishPreference Preference)[] byCue;
    private readonly DishPreference spicy;

    private DishPreferences((string[] Cues, DishPreference Preference)[] byCue, SpicyDishes spicyDishes)
    {
        this.byCue = byCue;
        spicy = new DishPreference("매운 음식", spicyDishes.IsSpicy);
    }

    /// <summary>The preference a message states, or null. "매운" comes from the NLU's taste entity.</summary>
    public DishPreference? From(string compactText, string? tastePreference)
    {
        if (tastePreference == "매운")
        {
            return spicy;
        }
        foreach (var (cues, preference) in byCue)
        {
            if (cues.Any(cue => IsWished(compactText, cue)))
            {
                return preference;
            }
        }
        return null;
    }

    /// <summary>"국물 있는 거" is a wish; "국물 없는 거", "국물 말고" and "국물 적게" are not.</summary>
    private static bool IsWished(string compactText, string cue)
    {
        var at = compactText.IndexOf(cue, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }
        var after = compactText.AsSpan(at + cue.Length);
        foreach (var refusal in Refusals)
        {
            var found = after.IndexOf(refusal, StringComparison.Ordinal);
            if (found is >= 0 and <= 3)
            {
                return false;
            }
        }
        return true;
    }

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and the entry.</exception>
    public static DishPreferences Load(string path, SpicyDishes spicyDishes)
    {
        var file = DataFile.Read<DishesFile>(path, FileVersion);
        var kinds = DataFile.Required(path, "kinds", file.Kinds);
        var byCue = new (string[] Cues, DishPreference Preference)[kinds.Length];
        for (var k = 0; k < kinds.Length; k++)
        {
            var entry = $"kinds[{k}]";
            var kind = kinds[k] ?? throw DataFile.Invalid(path, entry, "is empty");
            if (string.IsNullOrWhiteSpace(kind.Label))
            {
                throw DataFile.Invalid(path, entry + ".label", "is missing");
            }
            entry = $"kinds[{k}] ({kind.Label})";
            var cues = DataFile.Words(path, entry + ".cues", kind.Cues);
            var dishes = DataFile.Words(path, entry + ".dishes", kind.Dishes);
            var endings = DataFile.Words(path, entry + ".endings", kind.Endings ?? [], allowEmpty: true);
            var notEndings = DataFile.Words(path, entry + ".notEndings", kind.NotEndings ?? [], allowEmpty: true);
            byCue[k] = (cues, new DishPreference(kind.Label, menuName => IsOfKind(menuName, dishes, endings, notEndings)));
        }
        return new DishPreferences(byCue, spicyDishes);
    }

    // 순대국 and 갈비탕 are soups by their last syllable, though 사탕 is not.
    private static bool IsOfKind(string menuName, string[] dishes, string[] endings, string[] notEndings) =>
        endings.Any(ending => menuName.EndsWith(ending, StringComparison.Ordinal))
        && !notEndings.Any(ending => menuName.EndsWith(ending, StringComparison.Ordinal))
        || dishes.Any(dish => menuName.Contains(dish, StringComparison.Ordinal));

    private sealed record DishesFile : CommentedFile
    {
        public KindEntry[]? Kinds { get; init; }
    }

    private sealed record KindEntry
    {
        public string? Label { get; init; }
        public string[]? Cues { get; init; }
        public string[]? Dishes { get; init; }
        public string[]? Endings { get; init; }
        public string[]? NotEndings { get; init; }
    }
}
