using Naviyam.Catalog.Import;
using Naviyam.Shops;

namespace Naviyam.Import.Tests;

/// <summary>The rules of <see cref="ShopDeduplicator"/>: one shop once across rows, lists and the stored catalog.</summary>
public class ShopDeduplicatorTests
{
    private static ShopRecord Shop(string id, string name = "새로나식당", string? address = "제주특별자치도 서귀포시 서홍동 1652-1", string source = "jeju") => new()
    {
        Id = ShopRecord.MakeId(source, id), Source = source, SourceId = id, Name = name, Category = FoodCategory.Korean, Address = address,
    };

    [Fact]
    public void The_same_name_and_address_under_two_ids_is_one_shop_under_the_first_id()
    {
        var (shops, byId, byNameAndAddress) = new ShopDeduplicator().Add(
            [Shop("1488673240"), Shop("999", name: "다른식당"), Shop("1416248908", name: "새로나 식당", address: "제주특별자치도 서귀포시 서홍동 1652-1 1층") with { NotForChildren = true }]);

        shops.Select(s => s.Id).Should().Equal("jeju:1488673240", "jeju:999");
        shops[0].SourceId.Should().Be("1488673240");
        shops[0].Name.Should().Be("새로나 식당", "the later row wins, as for one id");
        shops[0].NotForChildren.Should().BeTrue("a not-for-children flag from either row is kept");
        byNameAndAddress.Should().Be(1);
        byId.Should().Be(0);
    }

    [Fact]
    public void A_shop_of_an_earlier_list_merges_by_id_and_keeps_its_flag()
    {
        var deduplicator = new ShopDeduplicator();
        deduplicator.Add([Shop("31427936", name: "카페 메이비") with { NotForChildren = true }]);

        var (shops, byId, _) = deduplicator.Add([Shop("31427936", name: "카페 메이비"), Shop("2", name: "새 가게")]);

        shops.Should().HaveCount(2);
        shops[0].NotForChildren.Should().BeTrue("the restricted list's flag is never cleared by the main list");
        byId.Should().Be(1);
    }

    [Fact]
    public void A_stored_shop_keeps_its_id_when_a_list_repeats_it_under_another()
    {
        var deduplicator = new ShopDeduplicator();
        deduplicator.Know([Shop("1488673240")]);

        var (shops, _, byNameAndAddress) = deduplicator.Add([Shop("1416248908")]);

        shops.Single().Id.Should().Be("jeju:1488673240");
        byNameAndAddress.Should().Be(1);
    }

    [Fact]
    public void Re_importing_a_stored_shop_is_an_update_not_a_merge()
    {
        var deduplicator = new ShopDeduplicator();
        deduplicator.Know([Shop("1488673240")]);

        var (shops, byId, byNameAndAddress) = deduplicator.Add([Shop("1488673240")]);

        shops.Single().Id.Should().Be("jeju:1488673240");
        (byId + byNameAndAddress).Should().Be(0);
    }

    [Fact]
    public void Shops_without_an_address_or_of_another_name_or_address_stay_apart()
    {
        var (shops, _, byNameAndAddress) = new ShopDeduplicator().Add(
        [
            Shop("1", address: null), Shop("2", address: null),
            Shop("3", address: "제주특별자치도 서귀포시 서홍동 1652-2"),
            Shop("4", name: "새로나분식"),
            Shop("5"),
        ]);

        shops.Should().HaveCount(5);
        byNameAndAddress.Should().Be(0);
    }

    [Fact]
    public void A_real_shop_never_merges_into_a_synthetic_one()
    {
        var deduplicator = new ShopDeduplicator();
        deduplicator.Know([Shop("7", source: "generated") with { Synthetic = true }]);

        var (shops, _, byNameAndAddress) = deduplicator.Add([Shop("1488673240")]);

        shops.Single().Id.Should().Be("jeju:1488673240");
        byNameAndAddress.Should().Be(0);
    }

    [Fact]
    public void Lists_that_spell_the_sido_differently_agree_when_told_how()
    {
        var deduplicator = new ShopDeduplicator(word => word is "서울" or "서울특별시" ? "서울특별시" : null);

        var (shops, _, byNameAndAddress) = deduplicator.Add(
        [
            Shop("a", name: "황금성", address: "서울 동대문구 전농로 76 （답십리동）", source: "seoul"),
            Shop("b", name: "황금성", address: "서울특별시 동대문구 전농로 76", source: "national"),
        ]);

        shops.Single().Id.Should().Be("seoul:a");
        byNameAndAddress.Should().Be(1);
    }
}
