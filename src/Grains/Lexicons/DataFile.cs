using System.Text.Json;
using System.Text.Json.Serialization;

namespace Naviyam.Lexicons;

/// <summary>
/// Reads one of the team's JSON vocabulary files into its typed model and checks its entries, so that a bad file fails
/// loudly with a message naming the file and the entry instead of quietly matching nothing.
/// </summary>
public static class DataFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // An entry written twice would silently lose one of its lists.
        AllowDuplicateProperties = false,
        // A misspelt key ("famlies") is an error, not a list that silently goes missing.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not JSON of the expected shape or version.</exception>
    public static T Read<T>(string path, int version)
        where T : IVersionedFile
    {
        T? file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize<T>(stream, Options);
        }
        catch (JsonException ex)
        {
            // Some of the serializer's messages leave out where they failed; the path and line say which entry.
            var where = ex.Message.Contains("Path:", StringComparison.Ordinal) ? "" : $" (at {ex.Path}, line {ex.LineNumber + 1})";
            throw new InvalidDataException($"{path}: {ex.Message}{where}", ex);
        }
        if (file is null)
        {
            throw Invalid(path, "the file", "is empty");
        }
        if (file.Version != version)
        {
            throw Invalid(path, "version", $"is {file.Version}; this build reads version {version}");
        }
        return file;
    }

    public static InvalidDataException Invalid(string path, string entry, string problem) => new($"{path}: {entry} {problem}.");

    /// <summary>The phrases of one entry, as written: at least one unless <paramref name="allowEmpty"/>, none blank or repeated.</summary>
    public static string[] Phrases(string path, string entry, IReadOnlyList<string?>? phrases, bool allowEmpty = false)
    {
        if (phrases is null || phrases.Count == 0 && !allowEmpty)
        {
            throw Invalid(path, entry, "needs at least one word");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var phrase in phrases)
        {
            if (string.IsNullOrWhiteSpace(phrase))
            {
                throw Invalid(path, entry, "has a blank word");
            }
            if (!seen.Add(phrase))
            {
                throw Invalid(path, entry, $"lists '{phrase}' twice");
            }
        }
        return [.. phrases!];
    }

    /// <summary>
    /// Words matched in space-free text (menu names, a message's compact form): as <see cref="Phrases"/>, and without
    /// spaces, since a word with one could never match.
    /// </summary>
    public static string[] Words(string path, string entry, IReadOnlyList<string?>? words, bool allowEmpty = false)
    {
        var phrases = Phrases(path, entry, words, allowEmpty);
        return phrases.FirstOrDefault(word => word.Contains(' ', StringComparison.Ordinal)) is { } spaced
            ? throw Invalid(path, entry, $"has '{spaced}', but it is matched in text without spaces")
            : phrases;
    }

    /// <summary>
    /// Words matched in a lower-cased message (<see cref="Words"/>, and no upper-case letter, since such a word could never
    /// match).
    /// </summary>
    public static string[] LowerCaseWords(string path, string entry, IReadOnlyList<string?>? words, bool allowEmpty = false)
    {
        var checkedWords = Words(path, entry, words, allowEmpty);
        return checkedWords.FirstOrDefault(word => word != word.ToLowerInvariant()) is { } upper
            ? throw Invalid(path, entry, $"has '{upper}', but messages are matched lower-cased")
            : checkedWords;
    }

    /// <summary>A named entry that must exist: a required list, or a reference to another entry of the file.</summary>
    public static TValue Required<TValue>(string path, string entry, TValue? value)
        where TValue : class =>
        value ?? throw Invalid(path, entry, "is missing");
}

/// <summary>A vocabulary file carries its format version, so an old reader refuses a newer file instead of misreading it.</summary>
public interface IVersionedFile
{
    int Version { get; }
}

/// <summary>The <c>"$comment"</c> every file may carry for its curators; readers ignore it.</summary>
public abstract record CommentedFile : IVersionedFile
{
    public int Version { get; init; }

    [JsonPropertyName("$comment")]
    public string? Comment { get; init; }
}
