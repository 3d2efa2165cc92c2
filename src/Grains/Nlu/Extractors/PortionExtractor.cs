using Naviyam.Chat;
using Naviyam.Lexicons;

namespace Naviyam.Nlu.Extractors;

/// <summary>portion_size, from <c>cues.json</c>'s size phrases.</summary>
internal sealed class PortionExtractor(CueLexicon cues)
{
    /// <summary>One size when the message names one (곱빼기, 반만, 레귤러로); two different sizes are a comparison.</summary>
    public string? Extract(string compact)
    {
        var sizes = new List<string>();
        if (AnySize("size_large", compact))
        {
            sizes.Add(PortionSizes.Large);
        }
        if (AnySize("size_small", compact))
        {
            sizes.Add(PortionSizes.Small);
        }
        if (AnySize("size_normal", compact))
        {
            sizes.Add(PortionSizes.Normal);
        }
        return sizes.Count == 1 ? sizes[0] : null;
    }

    private bool AnySize(string list, string compact)
    {
        foreach (var phrase in cues[list])
        {
            for (var at = compact.IndexOf(phrase, StringComparison.Ordinal); at >= 0;
                 at = compact.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                var after = compact.AsSpan(at + phrase.Length);
                // 곱빼기는커녕 (not even), 많이 먹었어 (the past), 배부른데 (already full)
                if (after.StartsWith("는커녕") || after.StartsWith("은커녕") || after.StartsWith("커녕") || after.StartsWith("었")
                    || phrase == "배부른" && (after.StartsWith("데") || after.StartsWith("상태")))
                {
                    continue;
                }
                return true;
            }
        }
        return false;
    }
}
