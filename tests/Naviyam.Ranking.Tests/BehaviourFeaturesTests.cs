using Naviyam.Catalog;
using Naviyam.Learning;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Time;

namespace Naviyam.Ranking.Tests;

public sealed class BehaviourFeaturesTests
{
    private static readonly DateTimeOffset Lunch = SeoulClock.FromSeoulLocal(new DateTime(2026, 11, 25, 12, 30, 0));

    private static ShopCatalog Catalog()
    {
        var catalog = new ShopCatalog();
        catalog.Load([Shop("a", FoodCategory.Bunsik), Shop("b", FoodCategory.Chinese), Shop("c", FoodCategory.Bunsik)]);
        return catalog;
    }

    private static ShopRecord Shop(string id, FoodCategory category) =>
        new() { Id = id, Source = "test", SourceId = id, Name = id, Category = category, MealCard = MealCardAcceptance.Yes };

    private static InteractionRecord Order(string user, string shop, int paid, DateTimeOffset at) =>
        new(user, "s", "t", at, InteractionTypes.Order, shop, 1) { Amount = paid, Recommended = true };

    [Fact]
    public void User_and_shop_features_count_orders_prices_categories_times_and_repeats()
    {
        var log = new[]
        {
            Order("kid", "a", 4_000, Lunch),
            Order("kid", "a", 6_000, Lunch.AddDays(1)),
            Order("kid", "b", 5_000, Lunch.AddDays(2).AddHours(6)),
            new InteractionRecord("kid", "s", "t", Lunch, InteractionTypes.Feedback, "c", 2) { Kind = FeedbackKinds.Other },
            Order("other", "a", 8_000, Lunch),
            new InteractionRecord("other", "s", "t", Lunch, InteractionTypes.Selection, "c", 1) { Kind = FeedbackKinds.Go },
        };

        var vectors = BehaviourFeatures.Compute(log, Catalog());

        var kid = vectors.Single(v => v.EntityType == FeatureVector.User && v.EntityId == "kid");
        kid["order_count"].Should().Be(3);
        kid["avg_paid"].Should().Be(5_000);
        kid["price_sensitivity"].Should().BeApproximately(0.5, 1e-9);
        kid["repeat_rate"].Should().BeApproximately(1.0 / 3, 1e-9, "the second order at a went back");
        kid["rejection_count"].Should().Be(1);
        kid.Distribution("categories").Should().Equal(new Dictionary<string, double> { ["Bunsik"] = 0.6667, ["Chinese"] = 0.3333 });
        kid.Distribution("meal_periods")["lunch"].Should().Be(0.75);
        kid.Distribution("meal_periods")["dinner"].Should().Be(0.25);
        kid.Distribution("shops").Keys.Should().BeEquivalentTo(["a", "b"]);

        var a = vectors.Single(v => v.EntityType == FeatureVector.Shop && v.EntityId == "a");
        a["order_count"].Should().Be(3);
        a["unique_users"].Should().Be(2);
        a["repeat_rate"].Should().Be(0.5, "one of its two customers came back");
        a["popularity"].Should().Be(1);
        var c = vectors.Single(v => v.EntityType == FeatureVector.Shop && v.EntityId == "c");
        c["go_rate"].Should().Be(0.5);
        c["popularity"].Should().Be(0);
    }

    [Fact]
    public void The_ranker_reads_a_users_features_from_memory_for_each_pick()
    {
        var memory = new FeatureMemory();
        memory.Replace(BehaviourFeatures.Compute([Order("kid", "a", 4_000, Lunch), Order("kid", "a", 4_000, Lunch)], Catalog()), Lunch);
        var candidate = new Candidate(Shop("a", FoodCategory.Bunsik), new MenuItem("떡볶이", 4_000, MenuKind.Meal), true, 100, true);

        var signals = PersonalSignals.Of(memory, "kid", candidate);

        signals.Should().Be(new PersonalSignals(1, true, 1, 1, 4_000));
        PersonalSignals.Of(memory, "stranger", candidate).Should().Be(new PersonalSignals(0, false, 1, 1, null));
        PersonalSignals.Of(memory, "stranger", candidate with { Shop = Shop("z", FoodCategory.Korean) }).Should().BeNull();
    }
}
