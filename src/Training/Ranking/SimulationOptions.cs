using System.Text.Json.Serialization;

namespace Naviyam.Training.Ranking;

/// <summary>
/// Sizes and seeds of the behaviour simulation (<see cref="BehaviourSimulation"/>). The defaults are the committed
/// model's run: the served default city (3,000 generated shops, seed 20250903), 2,000 children, 30 sessions each.
/// </summary>
public sealed record SimulationOptions
{
    [JsonPropertyName("shops")] public int Shops { get; init; } = 3_000;

    /// <summary>The generated city's seed (the silo's <c>Naviyam:Data:Seed</c> default).</summary>
    [JsonPropertyName("city_seed")] public int CitySeed { get; init; } = 20_250_903;

    [JsonPropertyName("users")] public int Users { get; init; } = 2_000;

    /// <summary>Children are <c>{prefix}1</c> … <c>{prefix}n</c>: another prefix and seed give a population no model has met.</summary>
    [JsonPropertyName("user_prefix")] public string UserPrefix { get; init; } = "sim-";

    [JsonPropertyName("sessions_per_user")] public int SessionsPerUser { get; init; } = 30;

    /// <summary>Seeds the population and the sessions (independent of the city's seed).</summary>
    [JsonPropertyName("seed")] public int Seed { get; init; } = 5_150;

    /// <summary>Share of sessions held out for early stopping (by a hash of the session id).</summary>
    [JsonPropertyName("validation_share")] public double ValidationShare { get; init; } = 0.1;

    /// <summary>Share of sessions held out for the offline evaluation; never seen in training or early stopping.</summary>
    [JsonPropertyName("test_share")] public double TestShare { get; init; } = 0.1;

    /// <summary>Shops a logged session lists: the reply's three and those seen by asking for more.</summary>
    [JsonPropertyName("shown_per_session")] public int ShownPerSession { get; init; } = 10;

    /// <summary>
    /// Share of logged sessions whose list is a random draw in random order instead of the heuristic's best: the
    /// exploration a served A/B arm gives. Without it the logs only ever show what the heuristic likes.
    /// </summary>
    [JsonPropertyName("exploration_share")] public double ExplorationShare { get; init; } = 0.2;

    /// <summary>Candidates per session at most (retrieval's cap, <c>RecommendationOptions.MaxCandidates</c>).</summary>
    [JsonPropertyName("max_candidates")] public int MaxCandidates { get; init; } = 200;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Shops, 50, nameof(Shops));
        ArgumentOutOfRangeException.ThrowIfLessThan(Users, 10, nameof(Users));
        ArgumentOutOfRangeException.ThrowIfLessThan(SessionsPerUser, 2, nameof(SessionsPerUser));
        ArgumentOutOfRangeException.ThrowIfLessThan(ShownPerSession, 2, nameof(ShownPerSession));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCandidates, ShownPerSession, nameof(MaxCandidates));
        ArgumentException.ThrowIfNullOrWhiteSpace(UserPrefix, nameof(UserPrefix));
        if (ValidationShare is <= 0 or >= 0.5 || TestShare is <= 0 or >= 0.5 || ExplorationShare is < 0 or > 1)
        {
            throw new ArgumentException("validation and test shares must be in (0, 0.5), the exploration share in [0, 1].");
        }
    }
}
