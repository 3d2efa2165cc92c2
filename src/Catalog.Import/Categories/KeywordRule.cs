using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>A category chosen by keywords; words on its <c>except</c> list are removed from a name before the name is searched.</summary>
internal sealed class KeywordRule
{
    private string[] _keywords = [];
    private string[] _except = [];

    public FoodCategory Category { get; private init; }

    public static KeywordRule Create(string where, RuleEntry entry) => new()
    {
        Category = CategoryFile.ParseCategory(entry.Category, where),
        _keywords = TextMatch.Upper(entry.Keywords),
        _except = TextMatch.Upper(entry.Except),
    };

    /// <summary>A token matches a keyword it contains; a one-letter keyword must equal the token.</summary>
    public bool MatchesAnyToken(string[] tokens)
    {
        foreach (var token in tokens)
        {
            foreach (var keyword in _keywords)
            {
                if (keyword.Length == 1 ? token == keyword : TextMatch.Contains(token, keyword))
                {
                    return true;
                }
            }
        }
        return false;
    }

    public bool MatchesText(string upperText)
    {
        foreach (var word in _except)
        {
            upperText = upperText.Replace(word, " ", StringComparison.Ordinal);
        }
        foreach (var keyword in _keywords)
        {
            if (TextMatch.Contains(upperText, keyword))
            {
                return true;
            }
        }
        return false;
    }
}
