namespace Naviyam.IntegrationTests.Infrastructure;

/// <summary>
/// The real merchant lists beside the project (../shared/data). They come from other public repositories and
/// are never committed, so tests read them in place and fail loudly when they are missing.
/// </summary>
public static class SharedData
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Root { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    public static string File(params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        if (!System.IO.File.Exists(path))
        {
            throw new FileNotFoundException($"Test data {path} is missing: the tests need ../shared/data beside the repository.", path);
        }
        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(directory.FullName, "Naviyam.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("Naviyam.sln was not found above the test binaries.");
    }
}
