using MySqlConnector;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Shops;
using Naviyam.Infrastructure.MySql;

namespace Naviyam.IntegrationTests.MySql;

/// <summary>
/// Every menu kind survives the menus table of a real MariaDB (menus.kind, V005 and V013): an alcohol item or a set for
/// several people read back as a meal would be offered to a child for their budget.
/// </summary>
public sealed class MenuKindStorageTests
{
    [Fact]
    public async Task Every_menu_kind_round_trips_through_the_menus_table()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = new MySqlDataSource(database.ConnectionString);
        var repository = new MySqlShopRepository(dataSource);
        var menus = Enum.GetValues<MenuKind>().Select((kind, i) => new MenuItem($"메뉴 {kind}", 1_000 * (i + 1), kind)).ToArray();
        var shop = new ShopRecord
        {
            Id = ShopRecord.MakeId("test", "kinds"),
            Source = "test",
            SourceId = "kinds",
            Name = "종류 가게",
            Category = FoodCategory.Korean,
            MealCard = MealCardAcceptance.Yes,
            Menus = menus,
        };

        await repository.UpsertAsync([shop]);
        var stored = (await repository.LoadAllAsync()).Single(s => s.Id == shop.Id);

        stored.Menus.Should().BeEquivalentTo(menus, options => options.WithStrictOrdering());
        (await database.CountAsync("SELECT COUNT(*) FROM menus WHERE kind IN ('alcohol', 'shared_set')")).Should().Be(2);
    }
}
