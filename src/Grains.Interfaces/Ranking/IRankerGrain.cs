namespace Naviyam.Ranking;

/// <summary>
/// Scores candidate shops for one turn in a single batch. A stateless worker: every silo runs its own
/// activations next to the conversations that call it, so scoring never crosses the network.
/// </summary>
[Alias("naviyam.IRankerGrain")]
public interface IRankerGrain : IGrainWithIntegerKey
{
    [Alias("Score")]
    Task<RankResult> ScoreAsync(RankRequest request);
}

/// <summary>A row-major feature matrix: <c>Features[row * FeatureCount + column]</c>, one row a candidate.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.rank-request.v1")]
public sealed record RankRequest(
    [property: Id(0)] int FeatureCount,
    [property: Id(1)] float[] Features);

[GenerateSerializer, Immutable, Alias("naviyam.rank-result.v1")]
public sealed record RankResult(
    [property: Id(0)] float[] Scores,
    [property: Id(1)] string ModelVersion);
