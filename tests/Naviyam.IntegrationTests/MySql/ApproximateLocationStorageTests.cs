using MySqlConnector;
using Naviyam.Catalog.Import;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Infrastructure.MySql;
using Naviyam.Lexicons;
using Naviyam.Places;
using Naviyam.Shops;

namespace Naviyam.IntegrationTests.MySql;

/// <summary>
/// An approximate position survives the shops table of a real MariaDB (location_approximate, approximate_area, V014):
/// read back as exact, a shop placed at its 구's point would be offered as "50 m away".
/// </summary>
public sealed class ApproximateLocationStorageTests
{
    private static readonly GeoPoint Door = new(37.6190, 126.9210);
    private static readonly GeoPoint DongPoint = new(37.6106, 126.9296);

    private static ShopRecord Shop(string id, GeoPoint? location, bool approximate, string address = "서울 은평구 불광동 281-2") => new()
    {
        Id = ShopRecord.MakeId("test", id),
        Source = "test",
        SourceId = id,
        Name = $"가게 {id}",
        Category = FoodCategory.Korean,
        MealCard = MealCardAcceptance.Yes,
        Address = address,
        Location = location,
        LocationApproximate = approximate,
        ApproximateArea = approximate ? "서울특별시 은평구 불광동" : null,
    };

    [Fact]
    public async Task Approximate_positions_and_their_areas_round_trip_and_never_blur_a_shops_own_coordinates()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = new MySqlDataSource(database.ConnectionString);
        var repository = new MySqlShopRepository(dataSource);

        await repository.UpsertAsync([Shop("approximate", DongPoint, approximate: true), Shop("exact", Door, approximate: false), Shop("nowhere", null, approximate: false)]);
        var stored = (await repository.LoadAllAsync()).ToDictionary(s => s.SourceId);

        stored["approximate"].LocationApproximate.Should().BeTrue();
        stored["approximate"].ApproximateArea.Should().Be("서울특별시 은평구 불광동");
        stored["approximate"].Location.Should().Be(DongPoint);
        stored["exact"].LocationApproximate.Should().BeFalse();
        stored["exact"].ApproximateArea.Should().BeNull();
        stored["nowhere"].Location.Should().BeNull();
        stored["nowhere"].LocationApproximate.Should().BeFalse();

        // A later list without coordinates for the same address keeps the stored coordinates (ShopMerge in the store).
        await repository.UpsertAsync([Shop("exact", DongPoint, approximate: true, address: "서울 은평구 불광동 281-2 1층")]);
        var again = (await repository.GetAsync(ShopRecord.MakeId("test", "exact")))!;
        again.Location.Should().Be(Door);
        again.LocationApproximate.Should().BeFalse();
        again.Address.Should().Be("서울 은평구 불광동 281-2 1층");
    }

    [Fact]
    public async Task The_Seoul_list_is_stored_with_every_shop_placed_by_its_address()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = new MySqlDataSource(database.ConnectionString);
        var repository = new MySqlShopRepository(dataSource);
        var paths = new DataPaths();
        var run = new ImportRun(CategoryMap.Load(paths.Catalog("categories.json")), MenuKindClassifier.Load(paths), AdminAreas.LoadDefault(paths));

        var result = run.Import(new ImportSpec("seoul", SharedData.File("real", "seoul", "seoul_kkumnamu_card_shops_2020.csv")));
        await repository.UpsertAsync(result.Shops);

        (await database.CountAsync("SELECT COUNT(*) FROM shops")).Should().Be(1_959);
        (await database.CountAsync("SELECT COUNT(*) FROM shops WHERE location_approximate AND latitude IS NOT NULL AND approximate_area LIKE '서울특별시 %'"))
            .Should().Be(1_959);
        var loaded = await repository.LoadAllAsync();
        loaded.Should().BeEquivalentTo(result.Shops, options => options.Including(s => s.Id).Including(s => s.LocationApproximate).Including(s => s.ApproximateArea));
    }
}
