using Naviyam.Catalog.Import;
using Naviyam.Catalog.Import.DataGeneration;
using Naviyam.Shops;

namespace Naviyam.Import.Tests;

/// <summary>
/// <see cref="ImportRun"/> over the real lists in <c>../shared/data</c>: what the location check and the merging do to
/// them, as measured (see the README's "Serving a real city"). Counts that follow from the files and the shipped
/// gazetteer alone are exact.
/// </summary>
public class RealListImportTests
{
    private static readonly Lazy<(ImportResult Menus, ImportResult Restricted)> Jeju = new(() =>
    {
        var run = NewRun();
        var menus = run.Import(new ImportSpec("jeju", TestData.JejuMenus));
        return (menus, run.Import(new ImportSpec("jeju", TestData.JejuRestricted)));
    });

    private static readonly Lazy<ImportResult> Seoul = new(() => NewRun().Import(new ImportSpec("seoul", TestData.Seoul)));

    private static readonly Lazy<ImportResult> Daegu = new(() => NewRun().Import(new ImportSpec("national", TestData.Daegu)));

    private static ImportRun NewRun() => new(TestData.Map, TestData.MenuKinds, TestData.Areas);

    private static bool InJeju(GeoPoint? point) => point is { Latitude: > 33.1 and < 33.6, Longitude: > 126.1 and < 127.0 };

    [Fact]
    public void Jeju_rows_whose_coordinates_lie_outside_their_addresss_sigungu_are_moved_to_their_address()
    {
        var result = Jeju.Value.Menus;

        // Shops are located before they merge: 1,968 located, 4 of them then merged into a first id.
        result.Locations.Relocated.Should().Be(38);
        result.Locations.Consistent.Should().Be(1_930);
        result.Shops.Count(s => s.LocationApproximate).Should().Be(38);
        // Every shop whose address is in Jeju is now in Jeju, including those the file put at a Seoul point.
        result.Shops.Where(s => s.Address!.StartsWith("제주", StringComparison.Ordinal)).Should().OnlyContain(s => InJeju(s.Location));
        result.Shops.Single(s => s.Name == "시나르").ApproximateArea.Should().Be("제주특별자치도 제주시 노형동");
        result.Shops.Single(s => s.Name == "명동돈가스").ApproximateArea.Should().Be("서울특별시 중구 명동");
        // Each area named is the one the address names.
        result.Shops.Where(s => s.LocationApproximate)
            .Should().OnlyContain(s => s.ApproximateArea!.Split(' ', StringSplitOptions.None)[1] == s.Address!.Split(' ', StringSplitOptions.None)[1]);
    }

    [Fact]
    public void Jeju_rows_far_away_but_at_their_own_addresss_point_are_kept()
    {
        // 40 rows share two points outside Jeju (은평구 and 강화군); the two whose addresses are there are right.
        var farAway = Jeju.Value.Menus.Shops.Where(s => !s.LocationApproximate && !InJeju(s.Location)).Select(s => s.Name);

        farAway.Should().BeEquivalentTo("다온카츠 연신내본점", "그린홀리데이키친 강화도본점");
    }

    [Fact]
    public void Jeju_repeats_merge_into_one_shop_each()
    {
        var (menus, restricted) = Jeju.Value;

        // 2,298 rows: 216 rejected, 115 repeats of an id, 4 shops under a second id (새로나식당, 이돈갓노형점, 어쇼일식, 성산월드식자재마트).
        menus.Shops.Should().HaveCount(1_964);
        menus.MergedById.Should().Be(115);
        menus.MergedByNameAndAddress.Should().Be(4);
        menus.Shops.Where(s => s.Name.Replace(" ", "", StringComparison.Ordinal) == "새로나식당").Should().ContainSingle();
        menus.Shops.Select(s => ShopKey(s)).Should().OnlyHaveUniqueItems();

        // The restricted list: 49 rows, 6 repeats within it and 1 shop (카페 메이비) already in the main list.
        restricted.Shops.Should().HaveCount(43);
        restricted.MergedById.Should().Be(7);
        restricted.Shops.Should().OnlyContain(s => s.NotForChildren, "the restricted list's flag is never cleared by the main list");
        restricted.Shops.Single(s => s.Name == "카페 메이비").Menus.Should().NotBeEmpty("the main list's menu is kept");
    }

    [Fact]
    public void Importing_the_same_lists_again_over_the_stored_shops_changes_no_id()
    {
        var (menus, restricted) = Jeju.Value;
        var again = NewRun();
        again.Know(menus.Shops.Concat(restricted.Shops));

        var result = again.Import(new ImportSpec("jeju", TestData.JejuMenus));

        result.Shops.Select(s => s.Id).Should().BeEquivalentTo(menus.Shops.Select(s => s.Id));
        result.MergedByNameAndAddress.Should().Be(4, "the same second ids fold into the same first ones");
    }

    [Fact]
    public void Daegu_keeps_its_coordinates_and_merges_its_one_repeated_shop()
    {
        var result = Daegu.Value;

        result.Shops.Should().HaveCount(1_406);
        result.MergedByNameAndAddress.Should().Be(1);
        result.Shops.Where(s => s.Name == "국수나무읍내점").Should().ContainSingle();
        result.Locations.Should().Be(new LocationCounts(Consistent: 1_407, Relocated: 0, FromAddress: 0, Unverified: 0, Unplaced: 0));
        result.Shops.Should().OnlyContain(s => !s.LocationApproximate);
    }

    [Fact]
    public void Seoul_without_coordinates_is_placed_by_its_addresses()
    {
        var result = Seoul.Value;

        result.Locations.FromAddress.Should().Be(1_964);
        result.Shops.Should().HaveCount(1_959);
        result.MergedById.Should().Be(4, "four rows repeat name and address exactly");
        result.MergedByNameAndAddress.Should().Be(5, "five more differ only after the building number");
        result.Shops.Should().OnlyContain(s => s.LocationApproximate && s.Location != null && s.ApproximateArea!.StartsWith("서울특별시 ", StringComparison.Ordinal));
        result.Shops.Should().OnlyContain(s => s.Location!.Value.Latitude > 37.4 && s.Location.Value.Latitude < 37.7);
        // Most addresses name their 동 (as a lot or in the road address's reference): those shops are at their 동's point.
        result.Shops.Count(s => s.ApproximateArea!.Split(' ').Length == 3).Should().BeGreaterThanOrEqualTo(1_450);
        // The "은평구에서 짜장면" has 169 shops to look at.
        result.Shops.Count(s => s.ApproximateArea!.StartsWith("서울특별시 은평구", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(160);
    }

    [Fact]
    public void The_prototype_sample_keeps_its_coordinates()
    {
        var result = NewRun().Import(new ImportSpec("peer", TestData.PeerRestaurants));

        result.Shops.Should().HaveCount(10);
        result.Locations.Consistent.Should().Be(10);
        result.Shops.Should().OnlyContain(s => !s.LocationApproximate);
    }

    [Fact]
    public void A_generated_city_is_checked_like_any_list()
    {
        using var folder = new TempFolder();
        GeneratedDataWriter.Write(CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = 3_000, UserCount = 0, Seed = 7 }), folder.Path);

        var result = NewRun().Import(new ImportSpec("generated", folder.Path));

        // The generator scatters shops around their district's centre; the tails cross into the next district.
        result.Shops.Should().HaveCount(3_000);
        result.Locations.Relocated.Should().BeInRange(1, 150);
        result.Locations.Consistent.Should().Be(3_000 - result.Locations.Relocated);
        result.Shops.Where(s => s.LocationApproximate).Should().OnlyContain(s => s.ApproximateArea!.StartsWith("서울특별시 ", StringComparison.Ordinal));
    }

    private static string ShopKey(ShopRecord shop) => Naviyam.Catalog.ShopIdentity.Key(shop) ?? shop.Id;
}
