using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Naviyam.Eval.Places;

namespace Naviyam.Eval.Raw;

/// <summary>
/// Readers of the raw merchant files, one per layout, written for the eval from the files themselves (not from the
/// product's importers). Ids follow the product's documented scheme (<c>source:sourceId</c>) so picks can be found;
/// when an id does not resolve, <see cref="RawCatalog.Find"/> falls back to the name and address.
/// </summary>
public static class MerchantFiles
{
    /// <summary>Jeju lists (id, name, address, tel, category, latitude, longitude, menu_info, isNotGoodForChild, isFoodSelling).</summary>
    public static IEnumerable<RawShop> ReadJeju(string path, PlaceIndex places)
    {
        var file = Path.GetFileName(path);
        var line = 1;
        foreach (var row in CsvRows.Read(path))
        {
            line++;
            var id = Get(row, "id");
            // The list repeats its header inside the data (in English and in Korean); such rows are not shops.
            if (!id.All(char.IsDigit) || id.Length == 0)
            {
                continue;
            }
            var address = TextKey.Clean(Get(row, "address"));
            var parts = AddressParts.Parse(address, places.Gazetteer, "제주");
            var filePoint = Point(Get(row, "latitude"), Get(row, "longitude"));
            var (position, fromAddress) = places.Locate(filePoint, parts, "제주");
            yield return new RawShop
            {
                Dataset = "jeju",
                Ids = [$"jeju:{id}"],
                Name = TextKey.Clean(Get(row, "name")),
                Address = address,
                Place = parts,
                FilePoint = filePoint,
                Position = position,
                PositionFromAddress = fromAddress,
                Category = Get(row, "category"),
                Menus = MenuPrices.Parse(Get(row, "menu_info")),
                FlaggedNotForChildren = IsTrue(Get(row, "isNotGoodForChild")),
                SellsFood = !IsFalse(row.TryGetValue("isFoodSelling", out var selling) ? selling : Get(row, "isFoodSellingid")),
                Origin = $"{file}:{line}",
            };
        }
    }

    /// <summary>The national standard layout (전국아동복지급식정보표준데이터), as the Daegu extract carries it.</summary>
    public static IEnumerable<RawShop> ReadNational(string path, PlaceIndex places)
    {
        var file = Path.GetFileName(path);
        var line = 1;
        foreach (var row in CsvRows.Read(path))
        {
            line++;
            var sido = SidoNames.Short(Get(row, "시도명"));
            var sigungu = Get(row, "시군구명");
            var road = TextKey.Clean($"{Get(row, "소재지도로명주소")} {Get(row, "소재지도로명주소상세정보")}");
            var lot = TextKey.Clean(Get(row, "소재지지번주소"));
            var parts = AddressParts.Parse($"{sido} {sigungu} {(lot.Length > 0 ? lot : road)}", places.Gazetteer, sido);
            var filePoint = Point(Get(row, "위도"), Get(row, "경도"));
            var (position, fromAddress) = places.Locate(filePoint, parts, sido);
            var id = Get(row, "가맹점ID");
            var type = Get(row, "가맹점유형코드");
            var convenience = type == "20";
            var status = Get(row, "사업자상태");
            yield return new RawShop
            {
                Dataset = "daegu",
                Ids = [$"national:{sido}-{id}", $"national:{id}"],
                Name = TextKey.Clean(Get(row, "가맹점명")),
                Address = TextKey.Clean($"{sido} {sigungu} {(road.Length > 0 ? road : lot)}"),
                Place = parts,
                FilePoint = filePoint,
                Position = position,
                PositionFromAddress = fromAddress,
                Category = convenience ? $"편의점+{Get(row, "음식점분류")}" : Get(row, "음식점분류"),
                RefusesMealCard = status is "02" or "03",
                Hours = NationalHours(row, convenience),
                Origin = $"{file}:{line}",
            };
        }
    }

    /// <summary>The Seoul 꿈나무카드 export (가맹점명, 업종명, 전화, 가맹점주소): no id, no coordinates, no menus.</summary>
    public static IEnumerable<RawShop> ReadSeoul(string path, PlaceIndex places)
    {
        var file = Path.GetFileName(path);
        var line = 1;
        foreach (var row in CsvRows.Read(path))
        {
            line++;
            var name = TextKey.Clean(Get(row, "가맹점명"));
            if (name.Length == 0)
            {
                continue;
            }
            var address = TextKey.Clean(Get(row, "가맹점주소"));
            var parts = AddressParts.Parse(address, places.Gazetteer, "서울");
            yield return new RawShop
            {
                Dataset = "seoul",
                Ids = [$"seoul:{SeoulId(name, address)}"],
                Name = name,
                Address = address,
                Place = parts,
                Position = places.PointOf(parts, "서울"),
                PositionFromAddress = true,
                Category = Get(row, "업종명"),
                Origin = $"{file}:{line}",
            };
        }
    }

    /// <summary>A <c>shops.jsonl</c> written by the product's <c>generate-data</c> (one shop object per line).</summary>
    public static IEnumerable<RawShop> ReadGenerated(string path, PlaceIndex places)
    {
        var file = Path.GetFileName(path);
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            using var document = JsonDocument.Parse(text);
            var shop = document.RootElement;
            var address = shop.TryGetProperty("address", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            var parts = AddressParts.Parse(address, places.Gazetteer, "서울");
            GeoPoint? filePoint = shop.TryGetProperty("location", out var location) && location.ValueKind == JsonValueKind.Object
                ? new GeoPoint(location.GetProperty("latitude").GetDouble(), location.GetProperty("longitude").GetDouble())
                : null;
            var menus = new List<RawMenu>();
            if (shop.TryGetProperty("menus", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    int? price = item.TryGetProperty("price", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
                    menus.Add(new RawMenu(item.GetProperty("name").GetString() ?? "", price, price));
                }
            }
            yield return new RawShop
            {
                Dataset = "generated",
                Ids = [shop.GetProperty("id").GetString()!],
                Name = shop.GetProperty("name").GetString()!,
                Address = address,
                Place = parts,
                FilePoint = filePoint,
                Position = filePoint,
                Category = shop.TryGetProperty("sourceCategory", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "",
                Menus = menus,
                FlaggedNotForChildren = shop.TryGetProperty("notForChildren", out var nfc) && nfc.ValueKind == JsonValueKind.True,
                RefusesMealCard = shop.TryGetProperty("mealCard", out var card) && card.GetString() == "No",
                Hours = GeneratedHours(shop),
                Origin = $"{file}:{line}",
            };
        }
    }

    /// <summary>
    /// The product's documented id for a Seoul row (the export has none): the first 16 hex digits of SHA-256 over the
    /// NFC, whitespace-collapsed, upper-cased name and address joined by '|'.
    /// </summary>
    public static string SeoulId(string name, string? address)
    {
        static string Part(string? text) => TextKey.Clean(text).Normalize(NormalizationForm.FormC).ToUpperInvariant();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Part(name)}|{Part(address)}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    private static OpeningHours? NationalHours(IReadOnlyDictionary<string, string> row, bool convenience)
    {
        var weekday = Day(Get(row, "평일운영시작시각"), Get(row, "평일운영종료시각"), convenience);
        var saturday = Day(Get(row, "토요일운영시작시각"), Get(row, "토요일운영종료시각"), convenience);
        var holiday = Day(Get(row, "공휴일운영시작시각"), Get(row, "공휴일운영종료시각"), convenience);
        if (weekday is null && saturday is null && holiday is null)
        {
            return null;
        }
        return new OpeningHours([holiday, weekday, weekday, weekday, weekday, weekday, saturday]);

        // "0000"–"0000" is 24 hours only for a convenience store; for anyone else it says nothing.
        static IReadOnlyList<(int, int)>? Day(string open, string close, bool convenience)
        {
            if (!Hhmm(open, out var from) || !Hhmm(close, out var to))
            {
                return null;
            }
            if (from % 1440 == to % 1440)
            {
                return convenience ? OpeningHours.AllDay : null;
            }
            return [(from, to <= from ? to + 1440 : to)];
        }
    }

    private static OpeningHours? GeneratedHours(JsonElement shop)
    {
        if (!shop.TryGetProperty("hours", out var hours) || hours.ValueKind != JsonValueKind.Object
            || !hours.TryGetProperty("days", out var days) || days.GetArrayLength() != 7)
        {
            return null;
        }
        var list = new List<IReadOnlyList<(int, int)>?>();
        foreach (var day in days.EnumerateArray())
        {
            if (day.ValueKind != JsonValueKind.Object)
            {
                list.Add(null);
            }
            else if (day.TryGetProperty("closed", out var closed) && closed.ValueKind == JsonValueKind.True)
            {
                list.Add(OpeningHours.Closed);
            }
            else
            {
                list.Add([.. day.GetProperty("intervals").EnumerateArray()
                    .Select(i => (i.GetProperty("openMinute").GetInt32(), i.GetProperty("closeMinute").GetInt32()))]);
            }
        }
        return new OpeningHours(list);
    }

    private static bool Hhmm(string text, out int minutes)
    {
        minutes = 0;
        var digits = text.Replace(":", "", StringComparison.Ordinal).Trim();
        if (digits.Length is < 3 or > 4 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value % 100 > 59 || value / 100 > 24)
        {
            return false;
        }
        minutes = value / 100 * 60 + value % 100;
        return true;
    }

    private static GeoPoint? Point(string latitude, string longitude)
    {
        if (!double.TryParse(latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lng))
        {
            return null;
        }
        var point = new GeoPoint(lat, lng);
        var swapped = new GeoPoint(lng, lat);
        return point.IsInKorea ? point : swapped.IsInKorea ? swapped : null;
    }

    private static string Get(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var value) ? value.Trim() : "";

    private static bool IsTrue(string text) => text.Equals("true", StringComparison.OrdinalIgnoreCase) || text is "Y" or "1";

    private static bool IsFalse(string text) => text.Equals("false", StringComparison.OrdinalIgnoreCase) || text is "N" or "0";
}
