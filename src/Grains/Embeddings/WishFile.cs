using Naviyam.Lexicons;

namespace Naviyam.Embeddings;

/// <summary>One wish of <c>data/embedding/wishes.json</c>: paraphrases of it, and the dishes and kinds of dish it asks for.</summary>
public sealed record Wish(string Id, IReadOnlyList<string> Phrases, IReadOnlyList<string> Dishes, IReadOnlyList<string> Kinds);

/// <summary>Reads <c>data/embedding/wishes.json</c>, the team's free wishes (비 오는 날 먹기 좋은 거 → 칼국수, 국물 요리 …).</summary>
public static class WishFile
{
    public const int FileVersion = 1;

    public static IReadOnlyList<Wish> Load(string path)
    {
        var file = DataFile.Read<WishesJson>(path, FileVersion);
        var entries = DataFile.Required(path, "wishes", file.Wishes);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var wishes = new List<Wish>();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i] ?? throw DataFile.Invalid(path, $"wishes[{i}]", "is empty");
            var id = string.IsNullOrWhiteSpace(entry.Id) ? throw DataFile.Invalid(path, $"wishes[{i}].id", "is missing") : entry.Id;
            if (!ids.Add(id))
            {
                throw DataFile.Invalid(path, $"wishes[{i}].id", $"'{id}' is used twice");
            }
            var phrases = DataFile.Phrases(path, $"wishes[{i}].phrases", entry.Phrases);
            if (phrases.Length < 2)
            {
                throw DataFile.Invalid(path, $"wishes[{i}].phrases", "needs at least two phrasings (one is held out for evaluation)");
            }
            wishes.Add(new Wish(id, phrases,
                DataFile.Phrases(path, $"wishes[{i}].dishes", entry.Dishes),
                DataFile.Phrases(path, $"wishes[{i}].kinds", entry.Kinds ?? [], allowEmpty: true)));
        }
        return wishes;
    }

    private sealed record WishesJson : CommentedFile
    {
        public WishJson?[]? Wishes { get; init; }
    }

    private sealed record WishJson
    {
        public string? Id { get; init; }
        public string?[]? Phrases { get; init; }
        public string?[]? Dishes { get; init; }
        public string?[]? Kinds { get; init; }
    }
}
