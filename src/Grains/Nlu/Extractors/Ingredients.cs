using Naviyam.Lexicons;

namespace Naviyam.Nlu.Extractors;

/// <summary>
/// The ingredients that are not dishes (오이, 양파, 소금, 단무지), from <c>cues.json</c>'s <c>ingredients</c> list: a child
/// turns them down, is allergic to them, and a taste word spelled like one (얼음) is the ingredient.
/// </summary>
internal sealed class Ingredients(CueLexicon cues)
{
    private readonly HashSet<string> words = new(cues["ingredients"], StringComparer.Ordinal);

    /// <summary>Longest first, so 청양고추 is found before 고추.</summary>
    public IReadOnlyList<string> LongestFirst { get; } = cues["ingredients"];

    public bool Contains(string word) => words.Contains(word);
}
