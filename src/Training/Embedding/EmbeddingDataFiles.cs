using Naviyam.Lexicons;

namespace Naviyam.Training.Embedding;

/// <summary>
/// <c>data/embedding/menus.json</c>: how menu boards and shop signs decorate a dish's name (수제 돈까스, 떡볶이 세트,
/// 온누리 분식, 떡볶이 역점), for the encoder's menu-like training pairs.
/// </summary>
public sealed record MenuDecorations(string[] Prefixes, string[] Suffixes, string[] ShopWords, string[] BranchSuffixes)
{
    public const int FileVersion = 1;

    public static MenuDecorations Load(string path)
    {
        var file = DataFile.Read<MenusJson>(path, FileVersion);
        return new MenuDecorations(
            DataFile.Phrases(path, "prefixes", file.Prefixes),
            DataFile.Phrases(path, "suffixes", file.Suffixes),
            DataFile.Phrases(path, "shopWords", file.ShopWords),
            DataFile.Phrases(path, "branchSuffixes", file.BranchSuffixes));
    }

    /// <summary>A menu-board spelling of a dish: a prefix, a suffix (joined or spaced), or both.</summary>
    public string Variant(string dish, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var prefix = Prefixes[random.Next(Prefixes.Length)];
        var suffix = Suffixes[random.Next(Suffixes.Length)];
        return random.Next(4) switch
        {
            0 => $"{prefix} {dish}",
            1 => $"{dish}{suffix}",
            2 => $"{dish} {suffix}",
            _ => $"{prefix}{dish} {suffix}",
        };
    }

    private sealed record MenusJson : CommentedFile
    {
        public string?[]? Prefixes { get; init; }
        public string?[]? Suffixes { get; init; }
        public string?[]? ShopWords { get; init; }
        public string?[]? BranchSuffixes { get; init; }
    }
}
