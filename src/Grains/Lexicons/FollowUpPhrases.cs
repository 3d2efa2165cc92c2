namespace Naviyam.Lexicons;

/// <summary>
/// Phrases of messages about the conversation rather than a new search — "거기 어떻게 가?", "두 번째 거 가격", "더 싼 데
/// 없어?", "처음부터 다시" — from <c>data/lexicons/followups.json</c>, each matched in the space-free message.
/// </summary>
public sealed class FollowUpPhrases
{
    public const int FileVersion = 3;

    private FollowUpPhrases(
        string[] where, string[] distance, string[] price, string[] menu, string[] hours, string[] phone,
        string[] pointers, string[][] ordinals, string[] last, string[] cheaper, string[] others, string[] reset)
    {
        Where = where;
        Distance = distance;
        Price = price;
        Menu = menu;
        Hours = hours;
        Phone = phone;
        Pointers = pointers;
        Ordinals = ordinals;
        Last = last;
        Cheaper = cheaper;
        Others = others;
        Reset = reset;
    }

    /// <summary>Asking the way to a shop just offered: 어떻게 가, 어디야, 주소.</summary>
    public IReadOnlyList<string> Where { get; }

    /// <summary>Asking how far it is: 멀어, 몇 분.</summary>
    public IReadOnlyList<string> Distance { get; }

    /// <summary>Asking what it costs: 가격, 얼마.</summary>
    public IReadOnlyList<string> Price { get; }

    /// <summary>Asking what it serves: 메뉴, 뭐 팔아.</summary>
    public IReadOnlyList<string> Menu { get; }

    /// <summary>Asking when it is open: 몇 시까지, 영업시간.</summary>
    public IReadOnlyList<string> Hours { get; }

    /// <summary>Asking for its phone number.</summary>
    public IReadOnlyList<string> Phone { get; }

    /// <summary>Pointing at the shop just talked about (or the first offered): 거기, 그 집.</summary>
    public IReadOnlyList<string> Pointers { get; }

    /// <summary>The phrases naming the first, second, third … shop offered, by position (두 번째, 셋째).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Ordinals { get; }

    /// <summary>The last shop offered: 마지막 거.</summary>
    public IReadOnlyList<string> Last { get; }

    /// <summary>Asking for something cheaper than the last answer.</summary>
    public IReadOnlyList<string> Cheaper { get; }

    /// <summary>Asking for other shops than those already offered: 다른 데, 딴 거, 또 없어?</summary>
    public IReadOnlyList<string> Others { get; }

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
            DataFile.Words(path, "distance", file.Distance),
            DataFile.Words(path, "price", file.Price),
            DataFile.Words(path, "menu", file.Menu),
            DataFile.Words(path, "hours", file.Hours),
            DataFile.Words(path, "phone", file.Phone),
            DataFile.Words(path, "pointers", file.Pointers),
            [.. ordinals.Select((phrases, k) => DataFile.Words(path, $"ordinals[{k}]", phrases))],
            DataFile.Words(path, "last", file.Last),
            DataFile.Words(path, "cheaper", file.Cheaper),
            DataFile.Words(path, "others", file.Others),
            DataFile.Words(path, "reset", file.Reset));
    }

    private sealed record FollowUpsFile : CommentedFile
    {
        public string[]? Where { get; init; }
        public string[]? Distance { get; init; }
        public string[]? Price { get; init; }
        public string[]? Menu { get; init; }
        public string[]? Hours { get; init; }
        public string[]? Phone { get; init; }
        public string[]? Pointers { get; init; }
        public string[]?[]? Ordinals { get; init; }
        public string[]? Last { get; init; }
        public string[]? Cheaper { get; init; }
        public string[]? Others { get; init; }
        public string[]? Reset { get; init; }
    }
}
