using Naviyam.Shops;

namespace Naviyam.Places;

/// <summary>
/// One row of the shipped gazetteer (<c>data/places/admin-areas.tsv</c>): a 시도, a 시군구 or an administrative
/// 읍면동 with its representative point. <see cref="Id"/> is the row's position in <see cref="AdminAreas.All"/>, so
/// areas are compared and looked up as integers. <see cref="SidoId"/> is the 시도 above it (−1 for a 시도);
/// <see cref="SigunguId"/> the 시군구 it is or lies in (−1 for a 시도).
/// </summary>
public sealed record AdminArea(
    int Id,
    string Code,
    AreaLevel Level,
    string Sido,
    string? Sigungu,
    string? Eupmyeondong,
    GeoPoint Point,
    int SidoId,
    int SigunguId)
{
    /// <summary>The area's own name: "서울특별시", "수원시 팔달구", "신월1동".</summary>
    public string Name => Eupmyeondong ?? Sigungu ?? Sido;

    /// <summary>The name with everything above it: "서울특별시 양천구 신월1동".</summary>
    public string FullName => string.Join(' ', new[] { Sido, Sigungu == Sido ? null : Sigungu, Eupmyeondong }.Where(part => part is not null));
}
