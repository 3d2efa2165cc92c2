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

/// <summary>
/// Which ranker orders a user's candidates: the two arms of the A/B test. The heuristic is the control; a user's arm
/// comes from a stable hash of the user id, so the same child always meets the same ranker.
/// </summary>
[GenerateSerializer]
public enum RankingArm
{
    Heuristic = 0,
    WideDeep = 1,
}

/// <summary>
/// A row-major feature matrix: <c>Features[row * FeatureCount + column]</c>, one row a candidate. <see cref="Arm"/>
/// names the model that reads it (its feature builder made the rows); null is the silo's default model.
/// </summary>
[GenerateSerializer, Immutable, Alias("naviyam.rank-request.v1")]
public sealed record RankRequest(
    [property: Id(0)] int FeatureCount,
    [property: Id(1)] float[] Features,
    [property: Id(2)] RankingArm? Arm = null);

[GenerateSerializer, Immutable, Alias("naviyam.rank-result.v1")]
public sealed record RankResult(
    [property: Id(0)] float[] Scores,
    [property: Id(1)] string ModelVersion);
