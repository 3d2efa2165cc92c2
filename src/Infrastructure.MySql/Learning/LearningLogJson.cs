using System.Text.Json.Serialization;
using Naviyam.Shops;

namespace Naviyam.Infrastructure.MySql;

/// <summary>
/// <c>recommendation_features.feature_contributions</c>: the arm, the model, its row and what drove the score, and the
/// candidate's raw facts with the turn's situation (<see cref="StoredFacts"/>), which the training log reader rebuilds
/// examples from. Rows written before the facts were logged have none and are not read for training.
/// </summary>
internal sealed record StoredFeatures(string? Arm, string Model, double Score, float[] Features, IReadOnlyList<string> Drivers,
    string? Category, int? Price, double? DistanceMeters, StoredFacts? Facts = null);

/// <summary>What the ranker knew about one pick beyond <see cref="StoredFeatures"/>'s columns (the ranker's <c>CandidateFacts</c> and <c>RankingSituation</c>).</summary>
internal sealed record StoredFacts(
    DateTimeOffset EatAt,
    int? BudgetCap,
    bool Urgent,
    bool FoodAsked,
    double Popularity,
    bool PriceKnown,
    int? OpenMinutesLeft,
    bool FoodMatched,
    [property: JsonConverter(typeof(JsonStringEnumConverter<MealCardAcceptance>))] MealCardAcceptance MealCard,
    bool GoodInfluence);

/// <summary><c>user_interactions.user_selection</c>: the pick (shop and list position) and what was done with it.</summary>
internal sealed record StoredSelection(string? ShopId, int? Position, string? Kind, string? Menu, int? Paid, bool Recommended);
