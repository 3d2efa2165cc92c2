namespace Naviyam.Lexicons;

/// <summary>
/// Phrases of messages about the conversation rather than a new search — "거기 어떻게 가?", "2번 주소", "더 싼 데 없어?",
/// "처음부터 다시" — from <c>data/lexicons/followups.json</c>, each matched in the space-free message.
/// </summary>
public sealed class FollowUpPhrases
{
    public const int FileVersion = 1;

    private FollowUpPhrases(string[] where, string[] pointers, string[][] ordinals, string[] cheaper, string[] reset)
    {
        Where = where;
        Pointers = pointers;
        Ordinals = ordinals;
        Cheaper = cheaper;
        Reset = reset;
    }

    /// <summary>Asking the way to a shop just offered: 어떻게 가, 어디야, 주소.</summary>
    public IReadOnlyList<string> Where { get; }

    /// <summary>Pointing at the shop offered first: 거기, 그 집.</summary>
    public IReadOnlyList<string> Pointers { get; }

    /// <summary>The phrases naming the first, second, third … shop offered, by position (1번, 두 번째, 셋째).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Ordinals { get; }

    /// <summary>Asking for something cheaper than the last answer.</summary>
    public IReadOnlyList<string> Cheaper { get; }

    /// <summary>Starting the conversation over.</summary>
    public IReadOnlyList<string> Reset { get; }

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and the entry.</exception>
    public static FollowUpPhrases Load(string path)
    {
        var file = DataFile.Read<FollowUpsFile>(path, FileVersion);
        var ordinals = DataFile.Required(path, "ordinals", file.Ordinals);
        return new FollowUpPhrases(
            DataFile.Words(path, "where", file.Where),
            DataFile.Words(path, "pointers", file.Pointers),
            [.. ordinals.Select((phrases, k) => DataFile.Words(path, $"ordinals[{k}]", phrases))],
            DataFile.Words(path, "cheaper", file.Cheaper),
            DataFile.Words(path, "reset", file.Reset));
    }

    private sealed record FollowUpsFile : CommentedFile
    {
        public string[]? Where { get; init; }
        public string[]? Pointers { get; init; }
        public string[]?[]? Ordinals { get; init; }
        public string[]? Cheaper { get; init; }
        public string[]? Reset { get; init; }
    }
}
