namespace Naviyam.Lexicons;

/// <summary>Finds the team's data files (lexicons, category table) shipped beside the binaries.</summary>
public static class DataPaths
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "data");

    public static string Lexicon(string fileName) => Path.Combine(Root, "lexicons", fileName);

    public static string Catalog(string fileName) => Path.Combine(Root, "catalog", fileName);
}
