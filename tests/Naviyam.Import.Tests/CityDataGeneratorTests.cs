using System.Diagnostics;
using System.Text;
using Naviyam.Shops;
using Naviyam.Catalog.Import.DataGeneration;
using Naviyam.Catalog.Import;

namespace Naviyam.Import.Tests;

public class CityDataGeneratorTests
{
    private static readonly Lazy<GeneratedCity> City = new(() =>
        CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = 20_000, Seed = 7, UserCount = 500 }));

    [Fact]
    public void Same_seed_gives_the_same_city_and_another_seed_another()
    {
        var options = new CityGenerationOptions { ShopCount = 2_000, Seed = 11, UserCount = 50 };
        var first = Serialize(CityDataGenerator.Generate(options));
        var second = Serialize(CityDataGenerator.Generate(options));
        var other = Serialize(CityDataGenerator.Generate(options with { Seed = 12 }));

        second.Should().Be(first);
        other.Should().NotBe(first);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(5_000)]
    public void Shop_count_is_honoured(int count)
    {
        var city = CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = count, Seed = 3, UserCount = 0 });
        city.Shops.Should().HaveCount(count);
        city.Users.Should().BeEmpty();
        city.Shops.Select(s => s.Id).Should().OnlyHaveUniqueItems();
        city.Shops[^1].Id.Should().Be($"generated:{count}");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100_001, 0)]
    [InlineData(10, -1)]
    public void Invalid_counts_are_refused(int shops, int users)
    {
        var generate = () => CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = shops, UserCount = users });
        generate.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Every_shop_is_synthetic_inside_seoul_with_a_priced_meal()
    {
        var shops = City.Value.Shops;
        shops.Should().OnlyContain(s => s.Synthetic && s.Source == "generated" && s.Id == "generated:" + s.SourceId);
        shops.Should().OnlyContain(s => s.Location != null
                                         && s.Location.Value.Latitude >= 37.41 && s.Location.Value.Latitude <= 37.72
                                         && s.Location.Value.Longitude >= 126.73 && s.Location.Value.Longitude <= 127.27);
        shops.Should().OnlyContain(s => s.Menus.Count >= 3 && s.Menus.Count <= 12);
        shops.Should().OnlyContain(s => s.CheapestMeal() != null, "every shop, cafes included, has a priced meal");
        shops.Where(s => s.Category == FoodCategory.CafeDessert)
            .Should().OnlyContain(s => s.Menus.Any(m => m.IsPricedMeal && (m.Name.Contains("샌드위치") || m.Name.Contains("베이글"))));
        shops.Should().OnlyContain(s => s.Popularity >= 0 && s.Popularity <= 1);
        shops.SelectMany(s => s.Menus).Should().OnlyContain(m => m.Price > 0);
        shops.Where(s => s.Category != FoodCategory.ConvenienceStore)
            .SelectMany(s => s.Menus).Should().OnlyContain(m => m.Price % 500 == 0);
    }

    [Fact]
    public void Menu_kinds_agree_with_the_classifier()
    {
        // Each shop's whole menu, as the importers classify it, so the price rules see the shop's other meals.
        var disagreements = City.Value.Shops
            .SelectMany(s => s.Menus.Zip(TestData.MenuKinds.Classify(s.Menus.Select(m => (m.Name, m.Price)).ToArray(), s.Category),
                (generated, classified) => (s.Category, generated, classified.Kind)))
            .Where(triple => triple.Kind != triple.generated.Kind)
            .Select(triple => $"{triple.Category}/{triple.generated.Name}: {triple.generated.Kind} vs {triple.Kind}")
            .Distinct()
            .ToList();
        disagreements.Should().BeEmpty();
    }

    [Fact]
    public void Category_shares_are_realistic()
    {
        var shops = City.Value.Shops;
        double Share(FoodCategory c) => shops.Count(s => s.Category == c) / (double)shops.Count;

        Share(FoodCategory.Korean).Should().BeInRange(0.22, 0.30);
        Share(FoodCategory.Bunsik).Should().BeInRange(0.12, 0.18);
        Share(FoodCategory.ConvenienceStore).Should().BeInRange(0.04, 0.08);
        foreach (var category in FoodCategoryNames.All.Where(c => c != FoodCategory.Other))
        {
            Share(category).Should().BeGreaterThan(0, category.ToString());
        }
    }

    [Fact]
    public void About_one_percent_are_bar_like_and_never_a_convenience_store()
    {
        var shops = City.Value.Shops;
        var flagged = shops.Where(s => s.NotForChildren).ToList();
        (flagged.Count / (double)shops.Count).Should().BeInRange(0.005, 0.015);
        flagged.Should().OnlyContain(s => s.Category != FoodCategory.ConvenienceStore);
        shops.Should().OnlyContain(s => TestData.Map.IsBarLike(null, s.Name) == s.NotForChildren,
            "generated names are bar-like exactly when the shop is not for children");
    }

    [Fact]
    public void Hours_have_breaks_closed_days_overnight_and_24h_stores()
    {
        var shops = City.Value.Shops;
        var withHours = shops.Where(s => s.Hours != null).ToList();
        (withHours.Count / (double)shops.Count).Should().BeGreaterThan(0.95);
        withHours.Should().OnlyContain(s => s.Hours!.Days.Count == 7);
        withHours.Any(s => s.Hours!.Days.Any(d => d != null && d.Intervals.Count == 2
                                                  && d.Intervals[0].CloseMinute == 900 && d.Intervals[1].OpenMinute == 990))
            .Should().BeTrue("some shops have a 15:00–16:30 break");
        withHours.Any(s => s.Hours!.Days.Any(d => d is { Closed: true })).Should().BeTrue("some shops close one day a week");
        withHours.Any(s => s.Hours!.For(DayOfWeek.Friday) is { Closed: false } d && d.Intervals[^1].CloseMinute == 27 * 60)
            .Should().BeTrue("a few shops run 17:00–03:00");

        var stores = withHours.Where(s => s.Category == FoodCategory.ConvenienceStore).ToList();
        (stores.Count(s => s.Hours!.Days.All(d => d == DayHours.AllDay)) / (double)stores.Count).Should().BeGreaterThan(0.7);
    }

    [Fact]
    public void Meal_card_acceptance_is_mostly_yes_with_some_partial_no_and_unknown()
    {
        var shops = City.Value.Shops;
        (shops.Count(s => s.MealCard == MealCardAcceptance.Yes) / (double)shops.Count).Should().BeInRange(0.8, 0.9);
        shops.Should().Contain(s => s.MealCard == MealCardAcceptance.Partial)
            .And.Contain(s => s.MealCard == MealCardAcceptance.No)
            .And.Contain(s => s.MealCard == MealCardAcceptance.Unknown);
    }

    [Fact]
    public void Users_are_demo_accounts_with_fake_cards()
    {
        var users = City.Value.Users;
        users.Should().HaveCount(500);
        users.Select(u => u.UserId).Should().Equal(Enumerable.Range(1, 500).Select(i => $"demo-{i}"));
        users.Should().OnlyContain(u => u.CardNumber.StartsWith("9999-", StringComparison.Ordinal) && u.Synthetic);
        users.Select(u => u.CardNumber).Should().OnlyHaveUniqueItems();
        users.Should().OnlyContain(u => u.Balance >= 0 && u.Balance <= 30_000 && u.Balance % 500 == 0);
        users.Select(u => u.TargetAgeGroup).Distinct().Should().BeEquivalentTo(["어린이", "청소년", "청년"]);
    }

    [Fact]
    public void Generates_a_hundred_thousand_shops_quickly()
    {
        CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = 1_000, Seed = 1, UserCount = 0 }); // warm-up
        // Per thread: other tests run in parallel and allocate too.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var city = CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = 100_000, Seed = 1, UserCount = 10_000 });
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        city.Shops.Should().HaveCount(100_000);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        allocated.Should().BeLessThan(250L * 1024 * 1024, "under a kilobyte per shop (about 85 MB measured), not more");
    }

    private static string Serialize(GeneratedCity city)
    {
        var builder = new StringBuilder();
        foreach (var shop in city.Shops)
        {
            builder.Append(System.Text.Json.JsonSerializer.Serialize(shop, GeneratedJson.Options)).Append('\n');
        }
        foreach (var user in city.Users)
        {
            builder.Append(System.Text.Json.JsonSerializer.Serialize(user, GeneratedJson.Options)).Append('\n');
        }
        return builder.ToString();
    }
}
