using Naviyam.Embeddings;
using Naviyam.Lexicons;
using Naviyam.Shops;

namespace Naviyam.Embedding.Tests;

/// <summary>The team's data and the committed encoder, as copied beside the test binaries.</summary>
internal static class TestData
{
    private static readonly DataPaths Paths = new();

    private static readonly Lazy<TextEncoder> Committed = new(() => TextEncoder.Load(TextEncoder.PathIn(Paths)));

    public static string DataDirectory => Paths.Root;

    public static string CommittedModelPath => TextEncoder.PathIn(Paths);

    /// <summary>The committed TF-IDF table and hybrid weight, written beside the encoder.</summary>
    public static TfIdfVectorizer Lexical { get; } =
        TfIdfVectorizer.Load(Path.Combine(Path.GetDirectoryName(TextEncoder.PathIn(Paths))!, TfIdfVectorizer.FileName));

    /// <summary>One encoder for the whole test run (its session is thread-safe).</summary>
    public static TextEncoder Encoder => Committed.Value;

    /// <summary>A hand-made shop ("test:{id}") whose menus are meals at 8,000 won.</summary>
    public static ShopRecord Shop(string id, string name, FoodCategory category, params string[] menus) => new()
    {
        Id = "test:" + id,
        Source = "test",
        SourceId = id,
        Name = name,
        Category = category,
        Menus = menus.Select(m => new MenuItem(m, 8_000, MenuKind.Meal)).ToArray(),
    };
}
