using Naviyam.Chat;
using Naviyam.Shops;
using Naviyam.UnitTests.Conversation;
using Naviyam.UnitTests.Places;
using static Naviyam.UnitTests.Retrieval.TestShops;

namespace Naviyam.UnitTests.Retrieval;

/// <summary>
/// A named area restricts the search to the shops inside it; when none there fits, the reply says so first and then
/// offers the nearest fits outside, each an alternative with its area and distance, never one beyond 20 km.
/// </summary>
public sealed class AreaRestrictionTests : IDisposable
{
    private static readonly GeoPoint Ara = PointOf("제주시", "아라동");
    private static readonly GeoPoint Yeon = PointOf("제주시", "연동");
    private static readonly GeoPoint Daejeong = PointOf("서귀포시", "대정읍");

    // 아라동's address says 아라일동, the legal 동 the administrative 아라동 holds.
    private static readonly ShopRecord InAra = Jeju("아라김밥", "제주특별자치도 제주시 아라일동 123", Ara, ("참치김밥", 7_000));
    private static readonly ShopRecord InYeon = Jeju("연동김밥", "제주특별자치도 제주시 연동 261-9", Yeon, ("김밥", 4_000));
    private static readonly ShopRecord FarWest = Jeju("대정김밥", "제주특별자치도 서귀포시 대정읍 하모리 1000", Daejeong, ("김밥", 2_500));

    private readonly TestPipeline pipeline = new(InAra, InYeon, FarWest);

    public void Dispose() => pipeline.Dispose();

    private static GeoPoint PointOf(string sigungu, string dong) =>
        PlacesTestData.Areas.Dongs.Single(d => d.Sigungu == sigungu && d.Eupmyeondong == dong).Point;

    private static ShopRecord Jeju(string name, string address, GeoPoint at, params (string Name, int Price)[] meals) =>
        Shop(name, FoodCategory.Bunsik, 0, meals) with { Address = address, Location = new GeoPoint(at.Latitude + 0.001, at.Longitude) };

    private static string FirstSentence(ChatReply reply) => reply.Reply.Split('.', '\n')[0];

    [Fact]
    public async Task Only_shops_inside_the_named_area_are_matches()
    {
        var reply = await pipeline.SayAsync("아라동 김밥", TestPipeline.Child(), at: null);

        reply.Recommendations.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ShopName = "아라김밥", Alternative = false, Area = "아라동" });
        reply.Reply.Should().StartWith("아라동에서 김밥 먹을 수 있는 곳을 찾았어요.");
    }

    [Fact]
    public async Task When_nothing_inside_fits_the_reply_says_so_first_then_offers_the_nearest_fit_outside_marked()
    {
        var reply = await pipeline.SayAsync("아라동 6천원 이하 김밥", TestPipeline.Child(), at: null);

        FirstSentence(reply).Should().Be("아라동에는 6,000원 이하 김밥 파는 곳이 없어요");
        var outside = reply.Recommendations.Should().ContainSingle().Which;
        outside.ShopName.Should().Be("연동김밥", "대정읍 is over 20 km away");
        outside.Alternative.Should().BeTrue();
        outside.Area.Should().Be("연동");
        outside.AlternativeReason.Should().Be("아라동에는 없어서 가까운 연동에서 골랐어요");
        outside.DistanceMeters!.Value.Should().BeCloseTo((int)Ara.DistanceMetersTo(InYeon.Location!.Value), 200, "without a device location, from the area's point");
        reply.Reply.Should().Contain("연동김밥 (연동) — 김밥 4,000원");
    }

    [Fact]
    public async Task Distances_are_from_the_device_when_it_is_near()
    {
        var here = new GeoPoint(Ara.Latitude - 0.01, Ara.Longitude);

        var reply = await pipeline.SayAsync("아라동 6천원 이하 김밥", TestPipeline.Child(), at: here);

        reply.Recommendations.Single().DistanceMeters!.Value.Should().BeCloseTo((int)here.DistanceMetersTo(InYeon.Location!.Value), 10);
    }

    [Fact]
    public async Task A_fit_beyond_20_km_is_never_offered_and_the_reply_says_there_is_none_nearby()
    {
        var reply = await pipeline.SayAsync("아라동 3천원 김밥", TestPipeline.Child(), at: null);

        reply.Recommendations.Concat(reply.PriceUnknown).Should().BeEmpty("the one 김밥 under 3,000 won is in 대정읍, 40 km away");
        FirstSentence(reply).Should().Be("아라동에는 3,000원 이하 김밥 파는 곳이 없어요");
        reply.Reply.Should().Contain("20km 안에서도");
    }

    [Fact]
    public async Task A_follow_up_keeps_the_area_of_the_search_it_follows()
    {
        var first = await pipeline.SayAsync("아라동 김밥", TestPipeline.Child(), at: Yeon);

        var cheaper = await pipeline.SayAsync("더 싼 데 없어?", TestPipeline.Child(), at: Yeon, slots: first.Slots, previous: first);

        first.Recommendations.Single().ShopName.Should().Be("아라김밥");
        cheaper.Recommendations.Should().NotBeEmpty(cheaper.Reply).And.OnlyContain(r => r.Alternative, "the cheaper 김밥 is in 연동, outside 아라동");
        FirstSentence(cheaper).Should().Contain("아라동에는").And.Contain("없어요");
    }
}
