using Naviyam.Lexicons;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu.Extractors;

/// <summary>location_preference: a place the gazetteer knows, as the user typed it.</summary>
internal sealed class LocationExtractor(FoodLexicon foods, PlaceGazetteer places)
{
    // Dishes that look like place names (카츠동, 슬러시) are never a location.
    private readonly Func<string, bool> isFoodWord = name => foods.TryGet(name, out _);

    public string? Extract(PreprocessedText text) =>
        AsTyped(places.Find(text.Normalized, text.Compact, isFoodWord), text.Original);

    /// <summary>
    /// The phrase with the user's own letter case: the normalizer lower-cases Latin letters, but the user wrote "PC방 옆"
    /// and that is what the entity should say. Unchanged when the phrase has no Latin letters or is not found verbatim.
    /// </summary>
    private static string? AsTyped(string? phrase, string original)
    {
        if (phrase is null || !phrase.Any(char.IsAsciiLetterLower))
        {
            return phrase;
        }
        var at = original.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? original.Substring(at, phrase.Length) : phrase;
    }
}
