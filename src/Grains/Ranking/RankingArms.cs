using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Naviyam.Nlu.Model;

namespace Naviyam.Ranking;

/// <summary>Bound from <c>Naviyam:Ranking:Experiment</c>: how users are split between the ranking arms.</summary>
public sealed class RankingExperimentOptions
{
    public const string Section = "Naviyam:Ranking:Experiment";

    /// <summary>Share of users (by the hash of their id, 0–100) ranked by the Wide&amp;Deep model when it is served.</summary>
    [Range(0, 100)]
    public int WideDeepPercent { get; set; } = 50;

    /// <summary>Mixed into the hash: a new salt draws a new split (a new experiment), an unchanged one keeps every user's arm.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Salt { get; set; } = "ranker-ab-1";
}

/// <summary>
/// The ranking arms this host serves and the A/B split between them. A user's arm is a stable hash of the user id (and
/// the experiment's salt), so every turn of a child meets the same ranker and the logs compare whole users. An
/// anonymous turn and any user while the model file is missing get the heuristic, the control arm.
/// </summary>
public sealed class RankingArms
{
    private readonly IReadOnlyDictionary<RankingArm, IRankingFeatureBuilder> builders;
    private readonly RankingExperimentOptions experiment;

    public RankingArms(IReadOnlyDictionary<RankingArm, IRankingFeatureBuilder> builders, RankingExperimentOptions experiment)
    {
        ArgumentNullException.ThrowIfNull(builders);
        if (!builders.ContainsKey(RankingArm.Heuristic))
        {
            throw new ArgumentException("The heuristic arm, the control, is always served.", nameof(builders));
        }
        this.builders = builders;
        this.experiment = experiment;
    }

    /// <summary>Only the heuristic: for hosts and tests without the learned model.</summary>
    public static RankingArms HeuristicOnly { get; } =
        new(new Dictionary<RankingArm, IRankingFeatureBuilder> { [RankingArm.Heuristic] = new HeuristicFeatureBuilder() }, new RankingExperimentOptions());

    /// <summary>The arms whose model and features are registered (keyed by <see cref="RankingArm"/>) in this container.</summary>
    public static RankingArms From(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builders = new Dictionary<RankingArm, IRankingFeatureBuilder>();
        foreach (var arm in Enum.GetValues<RankingArm>())
        {
            if (services.GetKeyedService<IRankingFeatureBuilder>(arm) is { } builder)
            {
                builders[arm] = builder;
            }
        }
        return new RankingArms(builders, services.GetRequiredService<IOptions<RankingExperimentOptions>>().Value);
    }

    public bool Serves(RankingArm arm) => builders.ContainsKey(arm);

    public IRankingFeatureBuilder BuilderFor(RankingArm arm) =>
        builders.TryGetValue(arm, out var builder) ? builder : throw new InvalidOperationException($"The {arm} arm is not served here.");

    /// <summary>The arm of a user: Wide&amp;Deep when served and the user's bucket falls in its share, else the heuristic.</summary>
    public RankingArm ArmFor(string? userId)
    {
        if (string.IsNullOrEmpty(userId) || !Serves(RankingArm.WideDeep))
        {
            return RankingArm.Heuristic;
        }
        return BucketOf(experiment.Salt, userId) < experiment.WideDeepPercent ? RankingArm.WideDeep : RankingArm.Heuristic;
    }

    /// <summary>The user's bucket, 0–99: FNV-1a of salt and id, stable across processes and releases (unlike string.GetHashCode).</summary>
    public static int BucketOf(string salt, string userId) => (int)(NgramFeaturizer.Hash(salt + "\u001f" + userId) % 100);

    /// <summary>The arm as <c>recommendations_log.recommendation_method</c> and the A/B report name it.</summary>
    public static string MethodName(RankingArm arm) => arm switch
    {
        RankingArm.WideDeep => "wide_deep",
        _ => "heuristic",
    };
}
