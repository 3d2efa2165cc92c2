using Naviyam.Lexicons;
using Naviyam.Training;

namespace Naviyam.Nlu.Tests;

/// <summary>The team's real lexicons and labelled splits, as copied beside the test binaries.</summary>
internal static class TestAssets
{
    private static readonly DataPaths Paths = new();

    private static readonly Lazy<NluAssets> Shared = new(() => NluAssets.Load(Paths.Root));

    public static NluAssets Assets => Shared.Value;

    public static string DataDirectory => Paths.Root;

    public static string CommittedModelPath => Paths.IntentModel;

    public static string CommittedMetricsPath => Path.Combine(Paths.Root, "models", "nlu", "metrics.json");
}
