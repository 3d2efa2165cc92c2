using System.Globalization;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>
/// Imports merchant CSVs in the national standard layout (전국아동복지급식정보표준데이터), such as the Daegu
/// 2022 extract. Columns are found by header name; optional ones may be missing, and the personal columns some
/// copies remove (대표자명, 사업자번호, 종사업자번호) are never read. Choices:
/// <list type="bullet">
/// <item>Id: <c>national:{시도}-{가맹점ID}</c>. 가맹점ID looks like YYMM + serial and may be issued per card
///   system, so the province (short name: 대구광역시 and 대구 both give 대구) keeps ids unique across provinces
///   while staying stable across exports. Without 가맹점ID the id is <see cref="ImportParsing.StableId"/>
///   of name and address.</item>
/// <item>Hours: 평일 → Monday–Friday, 토요일 → Saturday, 공휴일 → Sunday; HHMM (also "HH:MM"); a close at or
///   before the open runs past midnight (1700–0500). "0000"–"0000" (or any open equal to close) is 24 hours for a
///   convenience store (가맹점유형코드 20) and unknown for anyone else; empty or invalid is unknown.</item>
/// <item>가맹점유형코드 20 is <see cref="FoodCategory.ConvenienceStore"/>; otherwise 음식점분류 via the
///   category table. Delivery from 배달가능여부. No menus.</item>
/// <item>Meal card Yes, except for a business that 사업자상태 says is suspended or closed (02 휴업, 03 폐업): it is kept
///   with meal card No, so that a later export marking a stored shop closed takes it out of every answer.</item>
/// </list>
/// </summary>
public sealed partial class NationalStandardImporter(CategoryMap map)
{
    public const string Source = "national";
    public const string ConvenienceStoreTypeCode = "20";

    private static readonly Dictionary<string, string> ProvinceShortNames = new(StringComparer.Ordinal)
    {
        ["서울특별시"] = "서울", ["부산광역시"] = "부산", ["대구광역시"] = "대구", ["인천광역시"] = "인천",
        ["광주광역시"] = "광주", ["대전광역시"] = "대전", ["울산광역시"] = "울산", ["세종특별자치시"] = "세종",
        ["경기도"] = "경기", ["강원도"] = "강원", ["강원특별자치도"] = "강원", ["충청북도"] = "충북",
        ["충청남도"] = "충남", ["전라북도"] = "전북", ["전북특별자치도"] = "전북", ["전라남도"] = "전남",
        ["경상북도"] = "경북", ["경상남도"] = "경남", ["제주특별자치도"] = "제주", ["제주도"] = "제주",
    };

    public ImportResult ImportFile(string path)
    {
        using var reader = TextFileReader.OpenText(path);
        return Import(reader, path);
    }

    /// <exception cref="InvalidDataException">The header has no 가맹점명 column.</exception>
    public ImportResult Import(TextReader reader, string? origin = null)
    {
        var shops = new ShopAccumulator();
        Columns? columns = null;
        CsvHeader? header = null;

        foreach (var record in CsvReader.Parse(reader))
        {
            if (header is null)
            {
                header = new CsvHeader(record.Fields);
                columns = Columns.From(header, origin);
                continue;
            }
            var c = columns!;

            if (!header.IsShopRow(record, shops))
            {
                continue;
            }

            var name = ImportParsing.Clean(CsvHeader.Value(record, c.Name));
            if (name is null)
            {
                shops.Reject(record.Line, "missing 가맹점명", record.Raw);
                continue;
            }

            var province = ShortProvince(CsvHeader.Value(record, c.Province));
            var address = FullAddress(
                province, ImportParsing.Clean(CsvHeader.Value(record, c.District)),
                JoinAddress(CsvHeader.Value(record, c.RoadAddress), CsvHeader.Value(record, c.RoadDetail)),
                ImportParsing.Clean(CsvHeader.Value(record, c.LotAddress)),
                CsvHeader.Value(record, c.LotDetail));
            var merchantId = CsvHeader.Value(record, c.Id) ?? ImportParsing.StableId(name, address);
            var sourceId = province is null ? merchantId : $"{province}-{merchantId}";

            var typeCode = CsvHeader.Value(record, c.TypeCode);
            var isConvenienceStore = typeCode == ConvenienceStoreTypeCode;
            var codes = CsvHeader.Value(record, c.FoodCodes);
            var category = isConvenienceStore ? FoodCategory.ConvenienceStore : map.Map(Source, codes, name);

            var weekday = ParseDay(CsvHeader.Value(record, c.WeekdayOpen), CsvHeader.Value(record, c.WeekdayClose), isConvenienceStore);
            var saturday = ParseDay(CsvHeader.Value(record, c.SaturdayOpen), CsvHeader.Value(record, c.SaturdayClose), isConvenienceStore);
            var holiday = ParseDay(CsvHeader.Value(record, c.HolidayOpen), CsvHeader.Value(record, c.HolidayClose), isConvenienceStore);

            shops.Add(new ShopRecord
            {
                Id = ShopRecord.MakeId(Source, sourceId),
                Source = Source,
                SourceId = sourceId,
                Name = name,
                Category = category,
                SourceCategory = isConvenienceStore ? $"유형{typeCode}/{codes}" : codes,
                Address = address,
                Phone = ImportParsing.Clean(CsvHeader.Value(record, c.Phone)),
                Location = ImportParsing.ParseLocation(CsvHeader.Value(record, c.Latitude), CsvHeader.Value(record, c.Longitude)),
                MealCard = IsSuspendedOrClosed(CsvHeader.Value(record, c.BusinessStatus)) ? MealCardAcceptance.No : MealCardAcceptance.Yes,
                NotForChildren = !isConvenienceStore && map.IsBarLike(null, name),
                Hours = BuildWeek(weekday, saturday, holiday),
                DeliveryAvailable = ImportParsing.ParseBool(CsvHeader.Value(record, c.Delivery)) == true,
            });
        }

        return shops.ToResult();
    }

    /// <summary>사업자상태 as the tax service codes it (01 계속, 02 휴업, 03 폐업), or in words.</summary>
    public static bool IsSuspendedOrClosed(string? status) =>
        ImportParsing.Clean(status) is { } value
        && (value is "02" or "03" or "2" or "3" || value.Contains("휴업", StringComparison.Ordinal) || value.Contains("폐업", StringComparison.Ordinal));

    /// <summary>Mon–Fri from the weekday hours, Saturday, and Sunday from the holiday hours; null when all are unknown.</summary>
    public static WeeklyHours? BuildWeek(DayHours? weekday, DayHours? saturday, DayHours? holiday)
    {
        if (weekday is null && saturday is null && holiday is null)
        {
            return null;
        }
        var days = new DayHours?[7];
        days[(int)DayOfWeek.Sunday] = holiday;
        days[(int)DayOfWeek.Saturday] = saturday;
        for (var day = DayOfWeek.Monday; day <= DayOfWeek.Friday; day++)
        {
            days[(int)day] = weekday;
        }
        return new WeeklyHours(days);
    }

    /// <summary>One day from HHMM open/close strings (see the class summary for the rules).</summary>
    public static DayHours? ParseDay(string? open, string? close, bool isConvenienceStore)
    {
        if (!TryParseHhmm(open, out var openMinute) || !TryParseHhmm(close, out var closeMinute))
        {
            return null;
        }
        if (openMinute == WeeklyHours.MinutesPerDay)
        {
            openMinute = 0;
        }
        if (openMinute == 0 && closeMinute == WeeklyHours.MinutesPerDay)
        {
            return DayHours.AllDay; // "0000"–"2400" says 24 hours explicitly.
        }
        if (openMinute == closeMinute % WeeklyHours.MinutesPerDay)
        {
            return isConvenienceStore ? DayHours.AllDay : null;
        }
        return DayHours.FromRange(openMinute, closeMinute);
    }

    /// <summary>"0930", "930", "09:30", "2400" → minutes from midnight.</summary>
    public static bool TryParseHhmm(string? text, out int minutes)
    {
        minutes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var digits = text.Trim().Replace(":", string.Empty, StringComparison.Ordinal);
        if (digits.Length is < 3 or > 4 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        var hour = value / 100;
        var minute = value % 100;
        if (minute > 59 || hour > 24 || (hour == 24 && minute > 0))
        {
            return false;
        }
        minutes = hour * 60 + minute;
        return true;
    }

    private static string? ShortProvince(string? province)
    {
        var name = ImportParsing.Clean(province);
        if (name is null)
        {
            return null;
        }
        return ProvinceShortNames.GetValueOrDefault(name, name.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    /// <summary>
    /// The address as people read it: "대구 달서구 이곡공원로 24 (이곡동)". Some lists keep the city and district in
    /// separate columns and the neighbourhood only in the lot address; put them back, so that users who name a 구 or a
    /// 동 ("달서구에서", "이곡동 근처") find these shops.
    /// </summary>
    private static string? FullAddress(string? province, string? district, string? road, string? lot, string? lotDetail)
    {
        var main = road ?? JoinAddress(lot, lotDetail);
        if (main is null)
        {
            return null;
        }
        // Only the address's own leading words can already name them ("대구광역시 북구 …"): a road ("대구체육관로9길")
        // or a building ("대구혁신도시 비젼스퀘어2") that merely starts with the city's name does not.
        var leading = main.Split(' ', 3).Take(2).ToArray();
        var prefix = string.Join(' ', new[] { province, district }.Where(part => part is not null && !leading.Any(word => Names(word, part))));
        var neighbourhood = road is not null && lot is not null && Neighbourhood().Match(lot) is { Success: true } dong
                            && !main.Contains(dong.Value, StringComparison.Ordinal)
            ? $" ({dong.Value})"
            : "";
        return (prefix.Length > 0 ? $"{prefix} {main}" : main) + neighbourhood;
    }

    /// <summary>"대구" is named by "대구" and "대구광역시"; "북구" by "북구".</summary>
    private static bool Names(string word, string part) =>
        word == part || word.StartsWith(part, StringComparison.Ordinal) && word[^1] is '시' or '도';

    [System.Text.RegularExpressions.GeneratedRegex(@"[가-힣0-9]{1,8}(?:동|읍|면|가)(?=\s|$)")]
    private static partial System.Text.RegularExpressions.Regex Neighbourhood();

    private static string? JoinAddress(string? address, string? detail)
    {
        var main = ImportParsing.Clean(address);
        if (main is null)
        {
            return null;
        }
        var extra = ImportParsing.Clean(detail);
        return extra is null || main.Contains(extra, StringComparison.Ordinal) ? main : $"{main} {extra}";
    }

    private sealed record Columns(
        int Id, int Name, int TypeCode, int Province, int District, int RoadAddress, int RoadDetail, int LotAddress, int LotDetail,
        int Phone, int FoodCodes, int Latitude, int Longitude, int WeekdayOpen, int WeekdayClose, int SaturdayOpen,
        int SaturdayClose, int HolidayOpen, int HolidayClose, int Delivery, int BusinessStatus)
    {
        public static Columns From(CsvHeader header, string? origin)
        {
            var name = header.IndexOf("가맹점명", "상호명", "업소명");
            if (name < 0)
            {
                throw new InvalidDataException(
                    $"{origin ?? "The input"} is not in the national standard layout: the header has no 가맹점명 column (found: {string.Join(", ", header.Names)}).");
            }
            return new Columns(
                Id: header.IndexOf("가맹점ID", "가맹점아이디", "가맹점코드", "가맹점번호"),
                Name: name,
                TypeCode: header.IndexOf("가맹점유형코드", "가맹점유형"),
                Province: header.IndexOf("시도명"),
                District: header.IndexOf("시군구명"),
                RoadAddress: header.IndexOf("소재지도로명주소", "도로명주소"),
                RoadDetail: header.IndexOf("소재지도로명주소상세정보", "도로명주소상세정보"),
                LotAddress: header.IndexOf("소재지지번주소", "지번주소"),
                LotDetail: header.IndexOf("소재지지번주소상세정보", "지번주소상세정보"),
                Phone: header.IndexOf("전화번호", "가맹점전화번호"),
                FoodCodes: header.IndexOf("음식점분류", "음식점분류코드"),
                Latitude: header.IndexOf("위도"),
                Longitude: header.IndexOf("경도"),
                WeekdayOpen: header.IndexOf("평일운영시작시각"),
                WeekdayClose: header.IndexOf("평일운영종료시각"),
                SaturdayOpen: header.IndexOf("토요일운영시작시각"),
                SaturdayClose: header.IndexOf("토요일운영종료시각"),
                HolidayOpen: header.IndexOf("공휴일운영시작시각"),
                HolidayClose: header.IndexOf("공휴일운영종료시각"),
                Delivery: header.IndexOf("배달가능여부"),
                BusinessStatus: header.IndexOf("사업자상태", "사업자상태코드", "영업상태"));
        }
    }
}
