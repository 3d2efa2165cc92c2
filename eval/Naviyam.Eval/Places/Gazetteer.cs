using System.Globalization;
using Naviyam.Eval.Raw;

namespace Naviyam.Eval.Places;

/// <summary>One row of the KMA area table: a 시도, a 시군구 (empty 읍면동) or an administrative 읍면동, with its point.</summary>
public sealed record GazetteerArea(string Sido, string? Sigungu, string? Emd, GeoPoint Point)
{
    public DongName? Name { get; } = Emd is null ? null : DongName.Parse(Emd);
}

/// <summary>
/// The KMA administrative area table (<c>../shared/data/real/gazetteer/kma_admin_areas.csv</c>), read in place. Names
/// are administrative; addresses mostly carry legal names, which <see cref="DongName"/> and the legal-dong table bridge.
/// </summary>
public sealed class Gazetteer
{
    private readonly List<GazetteerArea> _areas;
    private readonly List<GazetteerArea> _emds;

    public Gazetteer(IEnumerable<GazetteerArea> areas)
    {
        _areas = [.. areas];
        _emds = [.. _areas.Where(a => a.Emd is not null)];
    }

    public IReadOnlyList<GazetteerArea> Areas => _areas;

    public static Gazetteer Load(string path) => new(CsvRows.Read(path).Select(row => new GazetteerArea(
        Sido: SidoNames.Short(row["sido"]),
        Sigungu: NullIfEmpty(row["sigungu"]),
        Emd: NullIfEmpty(row["eupmyeondong"]),
        Point: new GeoPoint(
            double.Parse(row["latitude"], CultureInfo.InvariantCulture),
            double.Parse(row["longitude"], CultureInfo.InvariantCulture)))));

    public GazetteerArea? Sigungu(string sido, string sigungu) =>
        _areas.FirstOrDefault(a => a.Sido == sido && a.Emd is null && a.Sigungu is not null && Compact(a.Sigungu) == Compact(sigungu));

    public bool IsSigungu(string sido, string word) => Sigungu(sido, word) is not null;

    public GazetteerArea? SidoArea(string sido) => _areas.FirstOrDefault(a => a.Sido == sido && a.Sigungu is null);

    /// <summary>The administrative 읍면동 of a 시도 (and 시군구 when given).</summary>
    public IEnumerable<GazetteerArea> Emds(string sido, string? sigungu = null) =>
        _emds.Where(a => a.Sido == sido && (sigungu is null || Compact(a.Sigungu!) == Compact(sigungu)));

    /// <summary>The administrative 읍면동 whose point is nearest: a rough "which 동 is this point in".</summary>
    public GazetteerArea NearestEmd(GeoPoint point, string? sido = null, string? sigungu = null)
    {
        var pool = sido is null ? _emds : Emds(sido, sigungu).ToList();
        if (pool.Count == 0)
        {
            pool = _emds;
        }
        return pool.MinBy(a => a.Point.MetersTo(point))!;
    }

    private static string Compact(string text) => text.Replace(" ", "", StringComparison.Ordinal);

    private static string? NullIfEmpty(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Short 시도 names, as addresses write them ("서울", "서울특별시" and "서울시" are all 서울).</summary>
public static class SidoNames
{
    private static readonly Dictionary<string, string> Long = new(StringComparer.Ordinal)
    {
        ["서울특별시"] = "서울", ["서울시"] = "서울", ["부산광역시"] = "부산", ["부산시"] = "부산", ["대구광역시"] = "대구", ["대구시"] = "대구",
        ["인천광역시"] = "인천", ["광주광역시"] = "광주", ["대전광역시"] = "대전", ["울산광역시"] = "울산", ["세종특별자치시"] = "세종",
        ["경기도"] = "경기", ["강원도"] = "강원", ["강원특별자치도"] = "강원", ["충청북도"] = "충북", ["충청남도"] = "충남",
        ["전라북도"] = "전북", ["전북특별자치도"] = "전북", ["전라남도"] = "전남", ["경상북도"] = "경북", ["경상남도"] = "경남",
        ["제주특별자치도"] = "제주", ["제주도"] = "제주",
    };

    private static readonly HashSet<string> ShortNames = [.. Long.Values];

    public static string Short(string name) => Long.TryGetValue(name.Trim(), out var value) ? value : name.Trim();

    /// <summary>Null when the word names no 시도.</summary>
    public static string? TryShort(string word)
    {
        var text = word.Trim();
        return Long.TryGetValue(text, out var value) ? value : ShortNames.Contains(text) ? text : null;
    }
}
