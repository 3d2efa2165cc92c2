using Naviyam.Training.Embedding;

namespace Naviyam.Silo.Commands;

public static partial class OperatorCommands
{
    /// <summary><c>train-embedder</c> and <c>eval-embedder</c> (docs/embedding.md).</summary>
    private static int RunEmbedderCommand(string verb, string[] args)
    {
        var (options, _) = Split(args, "--data", verb == "train-embedder" ? "--out" : "--model");
        var data = options.GetValueOrDefault("--data") ?? RepositoryData();
        var models = options.GetValueOrDefault("--out") ?? options.GetValueOrDefault("--model") ?? Path.Combine(data, "models", "embedder");
        return verb == "train-embedder"
            ? EmbedderTrainingCommand.Train(data, models, Console.Out)
            : EmbedderTrainingCommand.Evaluate(data, models, Console.Out);
    }
}
