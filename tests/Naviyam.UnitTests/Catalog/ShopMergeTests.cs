using Naviyam.Catalog;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Catalog;

public class ShopMergeTests
{
    private static readonly GeoPoint Door = new(33.4898, 126.4983);
    private static readonly GeoPoint DongPoint = new(33.4848, 126.4819);

    private static ShopRecord Shop(GeoPoint? location = null, bool approximate = false, string? address = "제주특별자치도 제주시 노형동 2578-7") => new()
    {
        Id = "jeju:1",
        Source = "jeju",
        SourceId = "1",
        Name = "이돈갓노형점",
        Category = FoodCategory.Japanese,
        Address = address,
        Location = location,
        LocationApproximate = approximate,
        ApproximateArea = approximate ? "제주특별자치도 제주시 노형동" : null,
    };

    [Fact]
    public void The_not_for_children_flag_is_never_cleared()
    {
        ShopMerge.Merge(Shop() with { NotForChildren = true }, Shop()).NotForChildren.Should().BeTrue();
        ShopMerge.Merge(Shop(), Shop() with { NotForChildren = true }).NotForChildren.Should().BeTrue();
    }

    [Fact]
    public void Incoming_coordinates_replace_stored_ones()
    {
        var merged = ShopMerge.Merge(Shop(DongPoint, approximate: true), Shop(Door));

        merged.Location.Should().Be(Door);
        merged.LocationApproximate.Should().BeFalse();
        merged.ApproximateArea.Should().BeNull();
    }

    [Fact]
    public void An_approximate_position_does_not_replace_the_shops_own_coordinates_at_the_same_address()
    {
        var merged = ShopMerge.Merge(Shop(Door), Shop(DongPoint, approximate: true, address: "제주특별자치도 제주시 노형동 2578-7 2층"));

        merged.Location.Should().Be(Door);
        merged.LocationApproximate.Should().BeFalse();
        merged.ApproximateArea.Should().BeNull();
        merged.Address.Should().Be("제주특별자치도 제주시 노형동 2578-7 2층", "the rest of the incoming version still wins");
    }

    [Fact]
    public void A_shop_that_moved_takes_the_approximate_position_of_its_new_address()
    {
        var moved = Shop(DongPoint, approximate: true, address: "제주특별자치도 제주시 연동 272-2");

        var merged = ShopMerge.Merge(Shop(Door), moved);

        merged.Location.Should().Be(DongPoint);
        merged.LocationApproximate.Should().BeTrue();
        merged.ApproximateArea.Should().Be("제주특별자치도 제주시 노형동");
    }

    [Fact]
    public void A_version_without_a_position_keeps_the_stored_one_with_its_flag()
    {
        var merged = ShopMerge.Merge(Shop(DongPoint, approximate: true), Shop());

        merged.Location.Should().Be(DongPoint);
        merged.LocationApproximate.Should().BeTrue();
        merged.ApproximateArea.Should().Be("제주특별자치도 제주시 노형동");
    }

    [Fact]
    public void Between_two_approximate_positions_the_incoming_one_wins()
    {
        var other = new GeoPoint(33.48, 126.47);
        var merged = ShopMerge.Merge(Shop(DongPoint, approximate: true), Shop(other, approximate: true) with { ApproximateArea = "제주특별자치도 제주시" });

        merged.Location.Should().Be(other);
        merged.ApproximateArea.Should().Be("제주특별자치도 제주시");
    }
}
