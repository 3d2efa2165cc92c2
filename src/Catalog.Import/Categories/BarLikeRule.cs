namespace Naviyam.Catalog.Import;

/// <summary>
/// The not-for-children rule: a source category or a shop name that says bar, pub, 호프, 주점, 포차 … . Words that
/// merely contain 바 (바게트, 바비큐, 바지락) or 주점 as a branch suffix (제주점) are not. The words come from the
/// table's <c>barLike</c> section.
/// </summary>
internal sealed class BarLikeRule
{
    private readonly string[] _categoryContains;
    private readonly HashSet<string> _categoryTokens;
    private readonly string[] _nameContains;
    private readonly HashSet<string> _nameTokens;
    private readonly string[] _exceptions;
    private readonly HashSet<string> _branchLabelWords;

    public BarLikeRule(BarLikeEntry entry)
    {
        _categoryContains = TextMatch.Upper(entry.CategoryContains);
        _categoryTokens = new HashSet<string>(TextMatch.Upper(entry.CategoryTokens), StringComparer.Ordinal);
        _nameContains = TextMatch.Upper(entry.NameContains);
        _nameTokens = new HashSet<string>(TextMatch.Upper(entry.NameTokens), StringComparer.Ordinal);
        // Longest first, so "샐러드 바" is removed before a shorter exception could split it.
        _exceptions = TextMatch.Upper(entry.Exceptions).OrderByDescending(word => word.Length).ToArray();
        _branchLabelWords = new HashSet<string>(TextMatch.Upper(entry.BranchLabelWords), StringComparer.Ordinal);
    }

    public bool Matches(string? sourceCategory, string? name)
    {
        if (!string.IsNullOrWhiteSpace(sourceCategory))
        {
            var text = RemoveExceptions(sourceCategory.ToUpperInvariant());
            foreach (var token in text.Split(TextMatch.TokenSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (_categoryTokens.Contains(token))
                {
                    return true;
                }
                foreach (var word in _categoryContains)
                {
                    if (TextMatch.Contains(token, word))
                    {
                        return true;
                    }
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var text = RemoveExceptions(name.ToUpperInvariant());
            var withoutBranchLabel = WithoutBranchLabel(text);
            foreach (var word in _nameContains)
            {
                if (TextMatch.Contains(_branchLabelWords.Contains(word) ? withoutBranchLabel : text, word))
                {
                    return true;
                }
            }
            foreach (var token in text.Split(TextMatch.TokenSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                if (_nameTokens.Contains(token))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The name without its branch label: the last word of a multi-word name when it ends in 점 and is more
    /// than a bare bar word ("CU 제주삼주점" → "CU"; "동네 주점" stays whole).
    /// </summary>
    private string WithoutBranchLabel(string upperName)
    {
        var trimmed = upperName.TrimEnd();
        var lastSpace = trimmed.LastIndexOf(' ');
        if (lastSpace <= 0)
        {
            return trimmed;
        }
        var last = trimmed[(lastSpace + 1)..];
        return last.EndsWith('점') && !_branchLabelWords.Contains(last) ? trimmed[..lastSpace] : trimmed;
    }

    private string RemoveExceptions(string upperText)
    {
        foreach (var exception in _exceptions)
        {
            if (upperText.Contains(exception, StringComparison.Ordinal))
            {
                upperText = upperText.Replace(exception, " ", StringComparison.Ordinal);
            }
        }
        return upperText;
    }
}
