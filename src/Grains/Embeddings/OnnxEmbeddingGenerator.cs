using Microsoft.Extensions.AI;

namespace Naviyam.Embeddings;

/// <summary>
/// The team's text encoder as an <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>: texts are featurized in C#
/// (the trainer's own code) and embedded by ONNX Runtime in batches of at most <see cref="MaxBatchSize"/>. Each
/// embedding is a unit vector of <see cref="TextEncoder.Dimension"/> floats; a text with no letter or digit ("", "!!")
/// embeds as the zero vector, which is similar to nothing. Thread-safe; one per process.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int MaxBatchSize = 256;

    private readonly TextEncoder encoder;
    private readonly EmbeddingGeneratorMetadata metadata;

    public OnnxEmbeddingGenerator(TextEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        this.encoder = encoder;
        metadata = new EmbeddingGeneratorMetadata("naviyam-onnx", null, encoder.Version, encoder.Dimension);
    }

    /// <summary>The model's version ("ngram-encoder-…"): cached vectors are keyed by it.</summary>
    public string ModelVersion => encoder.Version;

    public int Dimension => encoder.Dimension;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } dimensions && dimensions != encoder.Dimension)
        {
            throw new ArgumentException($"The encoder makes {encoder.Dimension}-dimensional vectors, not {dimensions}.", nameof(options));
        }
        var texts = values.Select(v => v ?? "").ToArray();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Length);
        var created = DateTimeOffset.UtcNow;
        foreach (var chunk in texts.Chunk(MaxBatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var vector in encoder.Embed(chunk))
            {
                result.Add(new Embedding<float>(vector) { ModelId = encoder.Version, CreatedAt = created });
            }
        }
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(encoder) ? encoder
            : null;
    }

    // The encoder is a shared singleton owned by the container, not by this wrapper.
    public void Dispose()
    {
    }
}
