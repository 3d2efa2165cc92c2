using Naviyam.Catalog.Import;
using Naviyam.Lexicons;
using Naviyam.Places;

namespace Naviyam.Import.Tests;

/// <summary>
/// The shared, read-only data that is never copied into the repository: <c>../shared/data</c> next to the
/// repository root (the folder holding <c>Naviyam.sln</c>). A missing file fails the test with a clear message.
/// </summary>
internal static class TestData
{
    private static readonly Lazy<string> RepositoryRootLazy = new(FindRepositoryRoot);
    private static readonly Lazy<CategoryMap> MapLazy = new(CategoryMap.LoadDefault);
    private static readonly Lazy<MenuKindClassifier> MenuKindsLazy = new(() => MenuKindClassifier.Load(new DataPaths()));
    private static readonly Lazy<AdminAreas> AreasLazy = new(() => AdminAreas.LoadDefault(new DataPaths()));

    public static string RepositoryRoot => RepositoryRootLazy.Value;

    public static string SharedDataRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary>The category table as shipped beside the binaries.</summary>
    public static CategoryMap Map => MapLazy.Value;

    /// <summary>The menu-kind classifier with the table as shipped beside the binaries.</summary>
    public static MenuKindClassifier MenuKinds => MenuKindsLazy.Value;

    /// <summary>The gazetteer as shipped beside the binaries.</summary>
    public static AdminAreas Areas => AreasLazy.Value;

    public static string JejuMenus => Shared("real/jeju/jeju_mealcard_shops_menus.csv");
    public static string JejuRestricted => Shared("real/jeju/jeju_mealcard_shops_restricted.csv");
    public static string Daegu => Shared("real/daegu/daegu_mealcard_merchants_2022.csv");
    public static string Seoul => Shared("real/seoul/seoul_kkumnamu_card_shops_2020.csv");
    public static string PeerRestaurants => Shared("peer/restaurants_optimized.json");
    public static string PeerTables => Shared("peer/sample_tables.json");

    /// <summary>The full path of a shared data file; throws (failing the test) when it is missing.</summary>
    public static string Shared(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(SharedDataRoot, relativePath));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Shared test data '{relativePath}' is missing: expected it at '{path}' (../shared/data beside the repository root). " +
                "These tests need the shared data folder; it is never copied into the repository.", path);
        }
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Naviyam.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"Naviyam.sln not found in any parent of '{AppContext.BaseDirectory}'.");
    }
}

/// <summary>A temporary folder removed at dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "naviyam-import-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
