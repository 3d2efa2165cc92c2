namespace Naviyam.Embeddings;

/// <summary>The contract between the encoder's trainer and its runtime: tensor names, metadata keys, version.</summary>
public static class TextEncoderFormat
{
    public const string IdsInput = "ids";
    public const string EmbeddingOutput = "embedding";

    public const string FeaturizerKey = "naviyam.featurizer";
    public const string BucketsKey = "naviyam.buckets";
    public const string DimensionKey = "naviyam.dimension";
    public const string SeedKey = "naviyam.seed";
    public const string HyperParametersKey = "naviyam.hyperparameters";

    /// <summary>The floor of the norm the output is divided by: a text with no known n-gram embeds as the zero vector.</summary>
    public const float NormFloor = 1e-6f;

    /// <summary>"ngram-encoder-" + the first 12 hex digits of the file's SHA-256: cache rows name the model that made them.</summary>
    public static string VersionOf(byte[] bytes) => "ngram-encoder-" + Naviyam.Nlu.Model.IntentModelFormat.Sha256Of(bytes)[..12];
}
