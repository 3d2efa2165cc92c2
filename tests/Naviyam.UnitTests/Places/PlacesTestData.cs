using Naviyam.Lexicons;
using Naviyam.Places;

namespace Naviyam.UnitTests.Places;

/// <summary>
/// The shipped gazetteer (as copied beside the test binaries) and the shared real lists, read in place from
/// <c>../shared/data</c> beside the repository root; a missing shared file fails the test with a clear message.
/// </summary>
internal static class PlacesTestData
{
    private static readonly Lazy<AdminAreas> AreasLazy = new(() => AdminAreas.LoadDefault(new DataPaths()));
    private static readonly Lazy<string> RepositoryRootLazy = new(FindRepositoryRoot);

    public static AdminAreas Areas => AreasLazy.Value;

    public static string RepositoryRoot => RepositoryRootLazy.Value;

    public static string GazetteerCsv => Shared("real/gazetteer/kma_admin_areas.csv");
    public static string JejuMenus => Shared("real/jeju/jeju_mealcard_shops_menus.csv");
    public static string JejuRestricted => Shared("real/jeju/jeju_mealcard_shops_restricted.csv");
    public static string Daegu => Shared("real/daegu/daegu_mealcard_merchants_2022.csv");
    public static string Seoul => Shared("real/seoul/seoul_kkumnamu_card_shops_2020.csv");

    public static string Shared(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", relativePath));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Shared data '{relativePath}' is missing: expected it at '{path}' (../shared/data beside the repository root).", path);
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
