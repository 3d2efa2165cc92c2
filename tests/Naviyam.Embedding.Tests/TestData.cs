using Naviyam.Embeddings;
using Naviyam.Lexicons;

namespace Naviyam.Embedding.Tests;

/// <summary>The team's data and the committed encoder, as copied beside the test binaries.</summary>
internal static class TestData
{
    private static readonly DataPaths Paths = new();

    private static readonly Lazy<TextEncoder> Committed = new(() => TextEncoder.Load(TextEncoder.PathIn(Paths)));

    public static string DataDirectory => Paths.Root;

    public static string CommittedModelPath => TextEncoder.PathIn(Paths);

    /// <summary>One encoder for the whole test run (its session is thread-safe).</summary>
    public static TextEncoder Encoder => Committed.Value;
}
