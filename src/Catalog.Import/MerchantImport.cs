using Naviyam.Catalog.Import.DataGeneration;

namespace Naviyam.Catalog.Import;

/// <summary>
/// One entry point for every merchant source: <c>ReadFile("jeju" | "national" (alias "standard") | "peer" |
/// "seoul" | "generated", path, map)</c>. A path that is a directory imports every file of that kind in it,
/// in ordinal name order, merging shops by id (<c>ShopMerge</c> semantics: later files win, the
/// not-for-children flag is never cleared). Text encoding is detected per file (UTF-8 with or without BOM,
/// else CP949).
/// </summary>
public static class MerchantImport
{
    public const string Jeju = "jeju";
    public const string National = "national";
    public const string NationalAlias = "standard";
    public const string Peer = "peer";
    public const string Seoul = "seoul";
    public const string Generated = "generated";

    /// <summary>The kinds <see cref="ReadFile"/> accepts (aliases not included).</summary>
    public static IReadOnlyList<string> Kinds { get; } = [Jeju, National, Peer, Seoul, Generated];

    /// <exception cref="ArgumentException">The kind is unknown.</exception>
    /// <exception cref="FileNotFoundException">The path is neither a file nor a directory.</exception>
    /// <exception cref="InvalidDataException">A file is not of the given kind (for a single file).</exception>
    public static ImportResult ReadFile(string kind, string path, CategoryMap map, MenuKindClassifier menuKinds)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(menuKinds);
        var normalized = NormalizeKind(kind);

        if (File.Exists(path))
        {
            return ImportOne(normalized, path, map, menuKinds);
        }
        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"No file or directory at '{Path.GetFullPath(path)}'.", path);
        }

        var files = FilesOfKind(normalized, path);
        var all = new ShopAccumulator();
        foreach (var file in files)
        {
            ImportResult result;
            try
            {
                result = ImportOne(normalized, file, map, menuKinds);
            }
            catch (InvalidDataException ex)
            {
                // In a folder, a file of another shape (sample_tables.json beside the restaurants file) is reported, not fatal.
                all.Reject(0, $"{Path.GetFileName(file)} skipped: {ex.Message}", file);
                continue;
            }

            var name = Path.GetFileName(file);
            all.AddRange(result with
            {
                Rejected = result.Rejected.Select(row => row with { Reason = $"{name}: {row.Reason}" }).ToArray(),
            });
        }
        return all.ToResult();
    }

    /// <summary>The canonical kind name for <paramref name="kind"/> (case-insensitive; "standard" is "national").</summary>
    /// <exception cref="ArgumentException">The kind is unknown.</exception>
    public static string NormalizeKind(string kind)
    {
        var text = kind?.Trim().ToLowerInvariant();
        if (text == NationalAlias)
        {
            return National;
        }
        if (text is not null && Kinds.Contains(text))
        {
            return text;
        }
        throw new ArgumentException(
            $"Unknown merchant file kind '{kind}'. Known kinds: {string.Join(", ", Kinds)} (\"{NationalAlias}\" is an alias of \"{National}\").",
            nameof(kind));
    }

    private static ImportResult ImportOne(string kind, string file, CategoryMap map, MenuKindClassifier menuKinds) => kind switch
    {
        Jeju => new JejuImporter(map, menuKinds).ImportFile(file),
        National => new NationalStandardImporter(map).ImportFile(file),
        Peer => new PeerSampleImporter(map, menuKinds).ImportFile(file),
        Seoul => new SeoulKkumnamuImporter(map).ImportFile(file),
        Generated => GeneratedDataReader.ReadShops(file),
        _ => throw new ArgumentException($"Unknown merchant file kind '{kind}'.", nameof(kind)),
    };

    private static IEnumerable<string> FilesOfKind(string kind, string directory)
    {
        IEnumerable<string> files = kind switch
        {
            Peer => Directory.EnumerateFiles(directory, "*.json"),
            Generated => File.Exists(Path.Combine(directory, GeneratedDataWriter.ShopsFileName))
                ? [Path.Combine(directory, GeneratedDataWriter.ShopsFileName)]
                : Directory.EnumerateFiles(directory, "*.jsonl")
                    .Where(file => !string.Equals(Path.GetFileName(file), GeneratedDataWriter.UsersFileName, StringComparison.OrdinalIgnoreCase)),
            _ => Directory.EnumerateFiles(directory, "*.csv"),
        };
        return files.Order(StringComparer.Ordinal).ToArray();
    }
}
