using Naviyam.Lexicons;
using Naviyam.Training;

namespace Naviyam.Nlu.Tests;

/// <summary>The team's real lexicons and labelled splits, as copied beside the test binaries.</summary>
internal static class TestAssets
{
    private static readonly Lazy<NluAssets> Shared = new(() => NluAssets.Load(DataPaths.Root));

    public static NluAssets Assets => Shared.Value;

    public static string DataDirectory => DataPaths.Root;

    public static string CommittedModelPath => Path.Combine(DataPaths.Root, "models", "nlu", "intent.onnx");

    public static string CommittedMetricsPath => Path.Combine(DataPaths.Root, "models", "nlu", "metrics.json");
}
