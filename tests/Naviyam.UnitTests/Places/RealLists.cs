using System.Globalization;
using Microsoft.VisualBasic.FileIO;
using Naviyam.Shops;

namespace Naviyam.UnitTests.Places;

/// <summary>One row of a real merchant list: its address as the product would hold it, and its coordinates if any.</summary>
internal sealed record RealRow(string Id, string Address, GeoPoint? Location);

/// <summary>The three real lists, read in place from ../shared/data (never copied into the repository).</summary>
internal static class RealLists
{
    private static readonly Lazy<IReadOnlyList<RealRow>> JejuLazy = new(() =>
        [.. Read(PlacesTestData.JejuMenus, "jeju"), .. Read(PlacesTestData.JejuRestricted, "jeju-restricted")]);
    private static readonly Lazy<IReadOnlyList<RealRow>> DaeguLazy = new(ReadDaegu);
    private static readonly Lazy<IReadOnlyList<RealRow>> SeoulLazy = new(ReadSeoul);

    /// <summary>Both Jeju files (2,298 + 49 rows; the menus file repeats its header once, which is skipped).</summary>
    public static IReadOnlyList<RealRow> Jeju => JejuLazy.Value;

    /// <summary>
    /// Daegu in the national layout: the 시도 and 시군구 columns before the road address (or the lot address when there
    /// is none), and the lot address's 동 in parentheses, as the national importer puts them together.
    /// </summary>
    public static IReadOnlyList<RealRow> Daegu => DaeguLazy.Value;

    /// <summary>Daegu's lot addresses alone ("이곡동 1248"): no 시도 or 시군구.</summary>
    public static IReadOnlyList<RealRow> DaeguLotAddresses { get; } = ReadDaeguLots();

    /// <summary>Seoul's 꿈나무카드 list: addresses only, no coordinates.</summary>
    public static IReadOnlyList<RealRow> Seoul => SeoulLazy.Value;

    private static IEnumerable<RealRow> Read(string path, string source) =>
        Records(path).Where(r => r["address"] != "address")
            .Select(r => new RealRow($"{source}:{r["id"]}", r["address"], Point(r["latitude"], r["longitude"])));

    private static IReadOnlyList<RealRow> ReadDaegu() =>
        Records(PlacesTestData.Daegu).Select(r =>
        {
            var road = r["소재지도로명주소"];
            var lot = r["소재지지번주소"];
            var main = road.Length > 0 ? road : lot;
            var lotDong = road.Length > 0 && lot.Length > 0 ? $" ({lot.Split(' ')[0]})" : "";
            return new RealRow($"daegu:{r["가맹점ID"]}", $"{r["시도명"]} {r["시군구명"]} {main}{lotDong}", Point(r["위도"], r["경도"]));
        }).ToArray();

    private static IReadOnlyList<RealRow> ReadDaeguLots() =>
        Records(PlacesTestData.Daegu).Where(r => r["소재지지번주소"].Length > 0)
            .Select(r => new RealRow($"daegu:{r["가맹점ID"]}", r["소재지지번주소"], Point(r["위도"], r["경도"]))).ToArray();

    private static IReadOnlyList<RealRow> ReadSeoul() =>
        Records(PlacesTestData.Seoul).Select((r, i) => new RealRow($"seoul:{i}", r["가맹점주소"], null)).ToArray();

    private static GeoPoint? Point(string latitude, string longitude) =>
        double.TryParse(latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
        && double.TryParse(longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lng)
            ? new GeoPoint(lat, lng)
            : null;

    private static List<Dictionary<string, string>> Records(string path)
    {
        using var parser = new TextFieldParser(path, System.Text.Encoding.UTF8) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? [];
        var records = new List<Dictionary<string, string>>();
        while (parser.ReadFields() is { } fields)
        {
            records.Add(header.Select((name, i) => (name, value: i < fields.Length ? fields[i].Trim() : ""))
                .ToDictionary(f => f.name, f => f.value, StringComparer.Ordinal));
        }
        return records;
    }
}
