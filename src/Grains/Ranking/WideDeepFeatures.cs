using Naviyam.Nlu.Model;
using Naviyam.Retrieval;
using Naviyam.Shops;

namespace Naviyam.Ranking;

/// <summary>
/// The Wide&amp;Deep ranker's inputs (version <see cref="Version"/>; <c>docs/ranking.md</c> lists them with their reasons).
/// One row per candidate, <see cref="Count"/> floats: first the <see cref="ContinuousCount"/> continuous features,
/// then the <see cref="IndexCount"/> index columns. An index is a whole number below 2^24, so a float holds it exactly;
/// one matrix therefore travels through <see cref="IScoringModel"/> and <see cref="RankRequest"/> unchanged, and the
/// ONNX model reads it as <c>continuous float[N, 18]</c> plus <c>indices int64[N, 12]</c>.
/// <list type="bullet">
/// <item>Index columns 0–2 (deep): rows of one embedding table — the user's bucket, the shop's bucket and the
///   category. Ids are hashed (FNV-1a) into buckets, so an id never seen in training still gets a row.</item>
/// <item>Index columns 3–11 (wide): one active weight per cross feature, each field in its own range of one weight
///   vector (<see cref="WideFields"/>): category × meal time, category × weekend, category × food wish, budget fit ×
///   urgency, distance × urgency, closing margin × urgency, meal card × price known, user × category (hashed), and the
///   logged list position (0 when serving; see <see cref="ServingPosition"/>).</item>
/// </list>
/// Every value depends only on the <see cref="RankingSituation"/> and the <see cref="CandidateFacts"/>: a row never
/// depends on the other candidates of its turn.
/// </summary>
public static class WideDeepFeatures
{
    /// <summary>Stored in the model's metadata; a model trained on other features is refused. Bump on any change here.</summary>
    public const string Version = "widedeep-v1";

    // Continuous columns.
    /// <summary>0.5^(meters / 800): the heuristic's nearness; 0 when the distance is unknown.</summary>
    public const int Nearness = 0;
    /// <summary>ln(1 + meters / 250) / ln(41), at most 1.5 (1 at 10 km); 0 when unknown.</summary>
    public const int LogDistance = 1;
    public const int DistanceUnknown = 2;
    /// <summary>Price over the budget cap, at most 1.5; 0 without a budget or a price.</summary>
    public const int PriceToBudget = 3;
    public const int BudgetKnown = 4;
    /// <summary>Price in units of 10,000 won, at most 3; the typical price when the shop lists none.</summary>
    public const int PriceLevel = 5;
    /// <summary>1 for a real menu price, 0 for a kind's typical price.</summary>
    public const int PriceKnown = 6;
    public const int Popularity = 7;
    /// <summary>Minutes until closing over <see cref="OpeningMargin.HorizonMinutes"/>; 0 when the hours are unknown.</summary>
    public const int OpenMargin = 8;
    public const int HoursUnknown = 9;
    public const int FoodMatched = 10;
    public const int FoodAsked = 11;
    /// <summary>1 when the shop takes the card for everything (Y), 0 for some menus or branches only (P).</summary>
    public const int MealCardYes = 12;
    public const int GoodInfluence = 13;
    public const int Urgent = 14;
    /// <summary>Local time of day on the unit circle, so 23:50 and 00:10 are neighbours.</summary>
    public const int HourSin = 15;
    public const int HourCos = 16;
    public const int Weekend = 17;
    public const int ContinuousCount = 18;

    // Index columns, counted after the continuous ones.
    public const int UserIndex = 0;
    public const int ShopIndex = 1;
    public const int CategoryIndex = 2;
    public const int DeepIndexCount = 3;
    public const int WideIndexCount = 9;
    public const int IndexCount = DeepIndexCount + WideIndexCount;

    public const int Count = ContinuousCount + IndexCount;

    // The embedding table: [users | shops | categories]. Bucket 0 of the users is the anonymous user.
    public const int UserBuckets = 1 << 13;
    public const int ShopBuckets = 1 << 14;
    public const int CategorySlots = 16;
    public const int EmbeddingRows = UserBuckets + ShopBuckets + CategorySlots;

    /// <summary>Meal periods: breakfast 05–10, lunch 10–14, afternoon 14–17, dinner 17–21, late 21–05.</summary>
    public const int MealPeriods = 5;

    /// <summary>The position index of a served candidate: training rows carry their logged position 1..10 here.</summary>
    public const int ServingPosition = 0;
    public const int MaxPosition = 10;

    private const int UserCategoryBuckets = 1 << 14;
    private const double NearnessHalfLifeMeters = 800;
    private static readonly float LogDistanceScale = (float)(1 / Math.Log(41));

    /// <summary>The wide cross features in index-column order, each with the size of its weight range.</summary>
    public static IReadOnlyList<WideField> WideFields { get; } =
    [
        new("category_x_meal_period", CategorySlots * MealPeriods),
        new("category_x_weekend", CategorySlots * 2),
        new("category_x_food_wish", CategorySlots * 3),
        new("budget_fit_x_urgency", 6 * 2),
        new("distance_x_urgency", 7 * 2),
        new("closing_margin_x_urgency", 5 * 2),
        new("meal_card_x_price_known", 2 * 2),
        new("user_x_category", UserCategoryBuckets),
        new("list_position", MaxPosition + 1),
    ];

    private static readonly int[] WideOffsets = Offsets();

    /// <summary>Length of the wide weight vector: the sum of the fields' sizes.</summary>
    public static int WideSize { get; } = WideOffsets[^1] + WideFields[^1].Size;

    /// <summary>The feature matrix of a turn's candidates, row-major, <see cref="Count"/> columns; positions are serving positions.</summary>
    public static float[] Build(IReadOnlyList<Candidate> candidates, RankingSituation situation)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(situation);
        var features = new float[candidates.Count * Count];
        var context = new TurnContext(situation);
        for (var row = 0; row < candidates.Count; row++)
        {
            Write(context, CandidateFacts.Of(candidates[row], situation.LocalTime), ServingPosition, features.AsSpan(row * Count, Count));
        }
        return features;
    }

    /// <summary>Writes one row. <paramref name="position"/> is the 1-based logged list position, or <see cref="ServingPosition"/>.</summary>
    public static void Write(RankingSituation situation, in CandidateFacts facts, int position, Span<float> row) =>
        Write(new TurnContext(situation), facts, position, row);

    /// <summary>The user's embedding bucket: 0 for the anonymous user, else 1 + FNV-1a(id) mod (buckets − 1).</summary>
    public static int UserBucket(string? userId) =>
        string.IsNullOrEmpty(userId) ? 0 : 1 + (int)(NgramFeaturizer.Hash(userId) % (UserBuckets - 1));

    public static int ShopBucket(string shopId) => (int)(NgramFeaturizer.Hash(shopId) % ShopBuckets);

    /// <summary>Breakfast 0, lunch 1, afternoon 2, dinner 3, late 4.</summary>
    public static int MealPeriod(int hour) => hour switch
    {
        >= 5 and < 10 => 0,
        >= 10 and < 14 => 1,
        >= 14 and < 17 => 2,
        >= 17 and < 21 => 3,
        _ => 4,
    };

    private static void Write(in TurnContext context, in CandidateFacts facts, int position, Span<float> row)
    {
        if (row.Length != Count)
        {
            throw new ArgumentException($"A row has {Count} columns, not {row.Length}.", nameof(row));
        }
        var situation = context.Situation;
        var cap = situation.BudgetCap is > 0 ? situation.BudgetCap : null;
        var urgent = situation.Urgent ? 1 : 0;
        var category = Math.Clamp((int)facts.Category, 0, CategorySlots - 1);

        row[Nearness] = facts.DistanceMeters is { } meters ? (float)Math.Pow(0.5, meters / NearnessHalfLifeMeters) : 0f;
        row[LogDistance] = facts.DistanceMeters is { } d ? Math.Min((float)Math.Log(1 + Math.Max(d, 0) / 250) * LogDistanceScale, 1.5f) : 0f;
        row[DistanceUnknown] = facts.DistanceMeters is null ? 1f : 0f;
        row[PriceToBudget] = cap is { } c && facts.Price is > 0 ? Math.Min((float)facts.Price.Value / c, 1.5f) : 0f;
        row[BudgetKnown] = cap is null ? 0f : 1f;
        row[PriceLevel] = facts.Price is > 0 ? Math.Min(facts.Price.Value / 10_000f, 3f) : 0f;
        row[PriceKnown] = facts.PriceKnown ? 1f : 0f;
        row[Popularity] = (float)Math.Clamp(facts.Popularity, 0, 1);
        row[OpenMargin] = facts.OpenMinutesLeft is { } left ? Math.Clamp(left, 0, OpeningMargin.HorizonMinutes) / (float)OpeningMargin.HorizonMinutes : 0f;
        row[HoursUnknown] = facts.OpenMinutesLeft is null ? 1f : 0f;
        row[FoodMatched] = facts.FoodMatched ? 1f : 0f;
        row[FoodAsked] = situation.FoodAsked ? 1f : 0f;
        row[MealCardYes] = facts.MealCard == MealCardAcceptance.Yes ? 1f : 0f;
        row[GoodInfluence] = facts.GoodInfluence ? 1f : 0f;
        row[Urgent] = urgent;
        row[HourSin] = context.HourSin;
        row[HourCos] = context.HourCos;
        row[Weekend] = context.Weekend;

        var indices = row[ContinuousCount..];
        indices[UserIndex] = context.UserBucket;
        indices[ShopIndex] = UserBuckets + ShopBucket(facts.ShopId);
        indices[CategoryIndex] = UserBuckets + ShopBuckets + category;

        var foodWish = !situation.FoodAsked ? 0 : facts.FoodMatched ? 1 : 2;
        var wide = indices[DeepIndexCount..];
        wide[0] = WideOffsets[0] + category * MealPeriods + context.MealPeriod;
        wide[1] = WideOffsets[1] + category * 2 + (int)context.Weekend;
        wide[2] = WideOffsets[2] + category * 3 + foodWish;
        wide[3] = WideOffsets[3] + BudgetFitBucket(cap, facts) * 2 + urgent;
        wide[4] = WideOffsets[4] + DistanceBucket(facts.DistanceMeters) * 2 + urgent;
        wide[5] = WideOffsets[5] + MarginBucket(facts.OpenMinutesLeft) * 2 + urgent;
        wide[6] = WideOffsets[6] + (facts.MealCard == MealCardAcceptance.Yes ? 0 : 2) + (facts.PriceKnown ? 1 : 0);
        wide[7] = WideOffsets[7] + (int)((context.UserHash * 31u + (uint)category) % UserCategoryBuckets);
        wide[8] = WideOffsets[8] + Math.Clamp(position, ServingPosition, MaxPosition);
    }

    /// <summary>No budget 0; typical price only 1; price over budget ≤ 0.5 → 2, ≤ 0.8 → 3, ≤ 1 → 4, above 5.</summary>
    private static int BudgetFitBucket(int? cap, in CandidateFacts facts)
    {
        if (cap is not { } c)
        {
            return 0;
        }
        if (!facts.PriceKnown || facts.Price is not > 0)
        {
            return 1;
        }
        var ratio = (double)facts.Price.Value / c;
        return ratio <= 0.5 ? 2 : ratio <= 0.8 ? 3 : ratio <= 1 ? 4 : 5;
    }

    /// <summary>Unknown 0; ≤ 300 m 1; ≤ 600 m 2; ≤ 1 km 3; ≤ 1.5 km 4; ≤ 3 km 5; farther 6.</summary>
    private static int DistanceBucket(double? meters) => meters switch
    {
        null => 0,
        <= 300 => 1,
        <= 600 => 2,
        <= 1_000 => 3,
        <= 1_500 => 4,
        <= 3_000 => 5,
        _ => 6,
    };

    /// <summary>Unknown hours 0; closing within 30 min 1, within 1 h 2, within 2 h 3, later 4.</summary>
    private static int MarginBucket(int? minutes) => minutes switch
    {
        null => 0,
        <= 30 => 1,
        <= 60 => 2,
        <= 120 => 3,
        _ => 4,
    };

    private static int[] Offsets()
    {
        var offsets = new int[WideFields.Count];
        for (var i = 1; i < offsets.Length; i++)
        {
            offsets[i] = offsets[i - 1] + WideFields[i - 1].Size;
        }
        return offsets;
    }

    /// <summary>What a turn's rows share, computed once per turn rather than once per candidate.</summary>
    private readonly struct TurnContext
    {
        public TurnContext(RankingSituation situation)
        {
            Situation = situation;
            var minute = situation.LocalTime.Hour * 60 + situation.LocalTime.Minute;
            var angle = 2 * Math.PI * minute / WeeklyHours.MinutesPerDay;
            HourSin = (float)Math.Sin(angle);
            HourCos = (float)Math.Cos(angle);
            Weekend = situation.LocalTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1f : 0f;
            MealPeriod = WideDeepFeatures.MealPeriod(situation.LocalTime.Hour);
            UserBucket = WideDeepFeatures.UserBucket(situation.UserId);
            UserHash = string.IsNullOrEmpty(situation.UserId) ? 0u : NgramFeaturizer.Hash(situation.UserId);
        }

        public RankingSituation Situation { get; }

        public float HourSin { get; }

        public float HourCos { get; }

        public float Weekend { get; }

        public int MealPeriod { get; }

        public int UserBucket { get; }

        public uint UserHash { get; }
    }
}

/// <summary>One wide cross feature: its name (as in <c>docs/ranking.md</c>) and how many weights it owns.</summary>
public sealed record WideField(string Name, int Size);
