using Naviyam.Training.Embedding;

namespace Naviyam.Silo.Commands;

public static partial class OperatorCommands
{
    /// <summary><c>train-embedder</c> and <c>eval-embedder</c> (docs/embedding.md).</summary>
    private static int RunEmbedderCommand(string verb, string[] args)
    {
        var (options, _) = verb == "train-embedder" ? Split(args, "--data", "--out", "--seed", "--epochs") : Split(args, "--data", "--model");
        var data = options.GetValueOrDefault("--data") ?? RepositoryData();
        var models = options.GetValueOrDefault("--out") ?? options.GetValueOrDefault("--model") ?? Path.Combine(data, "models", "embedder");
        return verb == "train-embedder"
            ? EmbedderTrainingCommand.Train(data, models, Console.Out, new EncoderOptions
            {
                Seed = Int(options, "--seed", new EncoderOptions().Seed, 0, int.MaxValue),
                Epochs = Int(options, "--epochs", new EncoderOptions().Epochs, 1, 200),
            })
            : EmbedderTrainingCommand.Evaluate(data, models, Console.Out);
    }
}
