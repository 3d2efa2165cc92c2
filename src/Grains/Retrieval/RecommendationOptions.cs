using System.ComponentModel.DataAnnotations;

namespace Naviyam.Retrieval;

/// <summary>Bound from <c>Naviyam:Recommendations</c>: how a turn picks and presents shops.</summary>
public sealed class RecommendationOptions : IValidatableObject
{
    public const string Section = "Naviyam:Recommendations";

    /// <summary>The radii tried when configuration names none.</summary>
    public static IReadOnlyList<int> DefaultSearchRadiiMeters { get; } = [1_000, 3_000, 10_000];

    /// <summary>How many shops a reply names (the product promise is 1–3).</summary>
    [Range(1, 10)]
    public int MaxResults { get; set; } = 3;

    /// <summary>
    /// Search radii tried in order until enough shops are found, in meters; beyond the last, none. Empty in the
    /// initialiser on purpose: the configuration binder appends to an array it finds, so a default here would be
    /// served ahead of the configured radii. <see cref="ApplyDefaults"/> fills it when configuration names none.
    /// </summary>
    public int[] SearchRadiiMeters { get; set; } = [];

    /// <summary>
    /// The farthest a shop is ever offered from the user (their location, else the place they named), in meters: a
    /// child is not sent across a province because nothing nearer fits; the reply says there is none nearby instead.
    /// </summary>
    [Range(1_000, 100_000)]
    public int MaxDistanceMeters { get; set; } = 20_000;

    /// <summary>Candidates handed to the ranker at most; the retrieval stage keeps the best by a cheap pre-score.</summary>
    [Range(1, 10_000)]
    public int MaxCandidates { get; set; } = 200;

    /// <summary>Fills what configuration left empty with the defaults (run after binding).</summary>
    public void ApplyDefaults()
    {
        if (SearchRadiiMeters.Length == 0)
        {
            SearchRadiiMeters = [.. DefaultSearchRadiiMeters];
        }
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SearchRadiiMeters.Length > 0 && SearchRadiiMeters[^1] > MaxDistanceMeters)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(SearchRadiiMeters)} must not reach beyond {nameof(MaxDistanceMeters)} ({MaxDistanceMeters} m).",
                [nameof(SearchRadiiMeters)]);
        }
        if (SearchRadiiMeters.Length == 0 || SearchRadiiMeters[0] <= 0
            || SearchRadiiMeters.Zip(SearchRadiiMeters.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(SearchRadiiMeters)} must be positive radii in increasing order, not [{string.Join(", ", SearchRadiiMeters)}].",
                [nameof(SearchRadiiMeters)]);
        }
    }
}
