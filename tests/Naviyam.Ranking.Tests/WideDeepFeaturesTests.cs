using Naviyam.Ranking;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Time;

namespace Naviyam.Ranking.Tests;

public class WideDeepFeaturesTests
{
    // Wednesday 12:30 in Seoul.
    private static readonly DateTimeOffset Lunch = SeoulClock.FromSeoulLocal(new DateTime(2026, 11, 25, 12, 30, 0));

    internal static Candidate Shop(string id, int? price = 4_000, double? meters = 800, FoodCategory category = FoodCategory.Bunsik,
        WeeklyHours? hours = null, bool foodMatched = false, MealCardAcceptance card = MealCardAcceptance.Yes, int? typical = null) => new(
        new ShopRecord
        {
            Id = id, Source = "test", SourceId = id, Name = id, Category = category, MealCard = card, Popularity = 0.25,
            Hours = hours ?? WeeklyHours.Same(DayHours.FromRange(11 * 60, 13 * 60)),
        },
        price is null ? null : new MenuItem("김밥", price, MenuKind.Meal), true, meters, foodMatched, typical);

    private static float[] Row(Candidate candidate, RankingSituation situation) => WideDeepFeatures.Build([candidate], situation);

    [Fact]
    public void Continuous_columns_are_the_documented_transforms()
    {
        var row = Row(Shop("a"), new RankingSituation("u-1", Lunch, BudgetCap: 5_000, Urgent: true));

        row[WideDeepFeatures.Nearness].Should().BeApproximately(0.5f, 1e-6f);
        row[WideDeepFeatures.LogDistance].Should().BeApproximately((float)(Math.Log(1 + 800 / 250.0) / Math.Log(41)), 1e-6f);
        row[WideDeepFeatures.DistanceUnknown].Should().Be(0);
        row[WideDeepFeatures.PriceToBudget].Should().BeApproximately(0.8f, 1e-6f);
        row[WideDeepFeatures.BudgetKnown].Should().Be(1);
        row[WideDeepFeatures.PriceLevel].Should().BeApproximately(0.4f, 1e-6f);
        row[WideDeepFeatures.PriceKnown].Should().Be(1);
        row[WideDeepFeatures.Popularity].Should().BeApproximately(0.25f, 1e-6f);
        row[WideDeepFeatures.OpenMargin].Should().BeApproximately(30f / OpeningMargin.HorizonMinutes, 1e-6f, "it closes at 13:00");
        row[WideDeepFeatures.HoursUnknown].Should().Be(0);
        row[WideDeepFeatures.MealCardYes].Should().Be(1);
        row[WideDeepFeatures.Urgent].Should().Be(1);
        row[WideDeepFeatures.Weekend].Should().Be(0);
        var angle = 2 * Math.PI * (12 * 60 + 30) / 1440;
        row[WideDeepFeatures.HourSin].Should().BeApproximately((float)Math.Sin(angle), 1e-6f);
        row[WideDeepFeatures.HourCos].Should().BeApproximately((float)Math.Cos(angle), 1e-6f);
    }

    [Fact]
    public void Unknowns_are_flagged_and_a_typical_price_is_not_a_known_price()
    {
        var candidate = Shop("b", price: null, meters: null, typical: 4_000) with { Shop = Shop("b").Shop with { Hours = null } };
        var row = Row(candidate, new RankingSituation(null, Lunch, BudgetCap: null));

        row[WideDeepFeatures.Nearness].Should().Be(0);
        row[WideDeepFeatures.DistanceUnknown].Should().Be(1);
        row[WideDeepFeatures.BudgetKnown].Should().Be(0);
        row[WideDeepFeatures.PriceToBudget].Should().Be(0);
        row[WideDeepFeatures.PriceLevel].Should().BeApproximately(0.4f, 1e-6f);
        row[WideDeepFeatures.PriceKnown].Should().Be(0);
        row[WideDeepFeatures.HoursUnknown].Should().Be(1);
        row[WideDeepFeatures.OpenMargin].Should().Be(0);
        row[WideDeepFeatures.ContinuousCount + WideDeepFeatures.UserIndex].Should().Be(0, "an anonymous user has bucket 0");
    }

    [Fact]
    public void Every_index_is_a_whole_number_inside_its_own_range()
    {
        var situations = new[]
        {
            new RankingSituation("sim-1", Lunch, 8_000, Urgent: false, FoodAsked: true),
            new RankingSituation("누군가", Lunch.AddHours(9), null, Urgent: true),
            new RankingSituation(null, Lunch.AddDays(3), 3_000),
        };
        var candidates = Enumerable.Range(0, 60).Select(i => Shop($"shop-{i}", price: 1_000 + 250 * i, meters: i % 7 == 0 ? null : 90.0 * i,
            category: (FoodCategory)(i % 14), foodMatched: i % 3 == 0, card: i % 2 == 0 ? MealCardAcceptance.Yes : MealCardAcceptance.Partial)).ToArray();

        foreach (var situation in situations)
        {
            var rows = WideDeepFeatures.Build(candidates, situation);
            for (var r = 0; r < candidates.Length; r++)
            {
                var indices = rows.AsSpan(r * WideDeepFeatures.Count + WideDeepFeatures.ContinuousCount, WideDeepFeatures.IndexCount).ToArray();
                indices.Should().OnlyContain(v => v == MathF.Floor(v) && v >= 0);
                indices[WideDeepFeatures.UserIndex].Should().BeLessThan(WideDeepFeatures.UserBuckets);
                indices[WideDeepFeatures.ShopIndex].Should().BeInRange(WideDeepFeatures.UserBuckets, WideDeepFeatures.UserBuckets + WideDeepFeatures.ShopBuckets - 1);
                indices[WideDeepFeatures.CategoryIndex].Should().BeInRange(WideDeepFeatures.UserBuckets + WideDeepFeatures.ShopBuckets, WideDeepFeatures.EmbeddingRows - 1);
                var offset = 0;
                for (var field = 0; field < WideDeepFeatures.WideIndexCount; field++)
                {
                    var size = WideDeepFeatures.WideFields[field].Size;
                    indices[WideDeepFeatures.DeepIndexCount + field].Should().BeInRange(offset, offset + size - 1, WideDeepFeatures.WideFields[field].Name);
                    offset += size;
                }
                offset.Should().Be(WideDeepFeatures.WideSize);
            }
        }
    }

    [Fact]
    public void Ids_are_hashed_stably_so_unseen_ids_still_get_a_row()
    {
        // Pinned (computed independently from FNV-1a): a silent change of the hashing would feed a trained model the wrong rows. Bump WideDeepFeatures.Version then.
        WideDeepFeatures.UserBucket("demo-1").Should().Be(WideDeepFeatures.UserBucket("demo-1"));
        WideDeepFeatures.UserBucket("demo-1").Should().Be(2_934);
        WideDeepFeatures.ShopBucket("generated:1").Should().Be(7_241);
        WideDeepFeatures.UserBucket("a user no model has seen").Should().BeInRange(1, WideDeepFeatures.UserBuckets - 1);
        WideDeepFeatures.UserBucket("").Should().Be(0);
    }

    [Fact]
    public void The_serving_position_is_zero_and_logged_positions_are_clamped()
    {
        var situation = new RankingSituation("u", Lunch, 5_000);
        var facts = CandidateFacts.Of(Shop("p"), Lunch);
        var positionColumn = WideDeepFeatures.Count - 1;
        var positionOffset = WideDeepFeatures.WideSize - WideDeepFeatures.WideFields[^1].Size;
        float PositionIndex(int position)
        {
            var row = new float[WideDeepFeatures.Count];
            WideDeepFeatures.Write(situation, facts, position, row);
            return row[positionColumn] - positionOffset;
        }

        Row(Shop("p"), situation)[positionColumn].Should().Be(positionOffset + WideDeepFeatures.ServingPosition);
        PositionIndex(3).Should().Be(3);
        PositionIndex(25).Should().Be(WideDeepFeatures.MaxPosition);
    }

    [Fact]
    public void A_row_depends_on_its_candidate_only_never_on_the_others_of_the_turn()
    {
        var situation = new RankingSituation("u-2", Lunch, 6_000, FoodAsked: true);
        var a = Shop("a", meters: 100, foodMatched: true);
        var b = Shop("b", price: 5_500, meters: 2_000, category: FoodCategory.Chicken);

        var together = WideDeepFeatures.Build([a, b], situation);

        together.Should().Equal([.. WideDeepFeatures.Build([a], situation), .. WideDeepFeatures.Build([b], situation)]);
    }

    [Fact]
    public void The_open_margin_is_positive_exactly_when_the_shop_is_open()
    {
        var city = Naviyam.Catalog.Import.DataGeneration.CityDataGenerator.Generate(
            new Naviyam.Catalog.Import.DataGeneration.CityGenerationOptions { ShopCount = 300, UserCount = 0, Seed = 3 }).Shops;
        foreach (var shop in city)
        {
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                for (var minute = 0; minute < WeeklyHours.MinutesPerDay; minute += 17)
                {
                    var open = shop.Hours?.IsOpenAt(day, minute);
                    var left = OpeningMargin.MinutesLeft(shop.Hours, day, minute);
                    (left is null).Should().Be(open is null);
                    if (left is { } l)
                    {
                        (l > 0).Should().Be(open == true, $"{shop.Id} on {day} at minute {minute}");
                        l.Should().BeLessThanOrEqualTo(OpeningMargin.HorizonMinutes);
                    }
                }
            }
        }
    }

    [Fact]
    public void Open_margins_cross_midnight_for_24_hour_and_overnight_shops()
    {
        var allDay = WeeklyHours.Same(DayHours.AllDay);
        OpeningMargin.MinutesLeft(allDay, DayOfWeek.Monday, 23 * 60 + 50).Should().Be(OpeningMargin.HorizonMinutes);

        var overnight = WeeklyHours.Same(DayHours.FromRange(17 * 60, 3 * 60));
        OpeningMargin.MinutesLeft(overnight, DayOfWeek.Tuesday, 2 * 60).Should().Be(60, "Monday's shift runs to 03:00");
        OpeningMargin.MinutesLeft(overnight, DayOfWeek.Tuesday, 23 * 60).Should().Be(240);
        OpeningMargin.MinutesLeft(overnight, DayOfWeek.Tuesday, 4 * 60).Should().Be(0);
        OpeningMargin.MinutesLeft(null, DayOfWeek.Tuesday, 4 * 60).Should().BeNull();
    }
}
