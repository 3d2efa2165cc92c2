using Microsoft.Extensions.AI;
using Naviyam.Embeddings;

namespace Naviyam.Embedding.Tests;

public sealed class GeneratorTests
{
    private readonly OnnxEmbeddingGenerator generator = new(TestData.Encoder);

    [Fact]
    public async Task Empty_and_letterless_texts_embed_as_the_zero_vector_without_failing()
    {
        var embeddings = await generator.GenerateAsync(["", "   ", "?!", "김밥"]);
        embeddings.Should().HaveCount(4);
        foreach (var empty in embeddings.Take(3))
        {
            empty.Vector.ToArray().Should().HaveCount(generator.Dimension).And.OnlyContain(x => x == 0);
        }
        Norm(embeddings[3]).Should().BeApproximately(1, 1e-4);
    }

    [Fact]
    public async Task A_batch_larger_than_one_session_run_keeps_its_order_and_matches_single_calls()
    {
        var texts = Enumerable.Range(0, OnnxEmbeddingGenerator.MaxBatchSize * 2 + 17)
            .Select(i => i % 3 == 0 ? $"떡볶이 {i}인분" : i % 3 == 1 ? $"짜장면 곱빼기 {i}" : "")
            .ToArray();
        var batch = await generator.GenerateAsync(texts);
        batch.Should().HaveCount(texts.Length);
        foreach (var i in new[] { 0, 1, 2, 300, texts.Length - 1 })
        {
            var single = await generator.GenerateVectorAsync(texts[i]);
            batch[i].Vector.ToArray().Should().Equal(single.ToArray(), (a, b) => Math.Abs(a - b) < 1e-6);
        }
    }

    [Fact]
    public void The_generator_describes_its_model()
    {
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        metadata!.DefaultModelId.Should().Be(TestData.Encoder.Version).And.StartWith("ngram-encoder-");
        metadata.DefaultModelDimensions.Should().Be(TestData.Encoder.Dimension);
    }

    [Fact]
    public async Task Asking_for_another_dimension_is_refused()
    {
        var act = () => generator.GenerateAsync(["김밥"], new EmbeddingGenerationOptions { Dimensions = 3 });
        await act.Should().ThrowAsync<ArgumentException>();
    }

    [Fact]
    public void A_disposed_encoder_refuses_to_run_instead_of_crashing_the_process()
    {
        // A background index build that outlives its host used to run a disposed ONNX Runtime session: a segfault.
        var encoder = TextEncoder.Load(TestData.CommittedModelPath);
        encoder.Embed(["김밥"]).Should().ContainSingle();
        encoder.Dispose();
        encoder.Dispose();
        var act = () => encoder.Embed(["김밥"]);
        act.Should().Throw<ObjectDisposedException>();
    }

    private static double Norm(Embedding<float> embedding) => Math.Sqrt(embedding.Vector.ToArray().Sum(x => x * x));
}
