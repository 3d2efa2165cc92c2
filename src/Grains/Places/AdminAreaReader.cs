using System.Globalization;

namespace Naviyam.Places;

/// <summary>
/// Reads and validates the shipped gazetteer file (<see cref="AdminAreaConverter.Header"/> columns, one area a line):
/// unique 10-digit codes, a level that agrees with the names given, every 시군구 under a 시도 with its code prefix
/// and every 읍면동 under a 시군구 (by name: 탄현1동 moved from 일산서구 to 일산동구 in 2023 and kept its code)
/// listed before it, Hangul names, and a point inside Korea. A bad line fails the
/// load with its line number, so a broken file never ships silently.
/// </summary>
public static class AdminAreaReader
{
    // Korea with its islands (Marado 33.1°N, Dokdo 131.9°E, the DMZ 38.6°N).
    private const double MinLatitude = 33.0, MaxLatitude = 38.7, MinLongitude = 124.5, MaxLongitude = 132.0;

    public static IReadOnlyList<AdminArea> Read(string path) => Read(File.ReadAllLines(path), path);

    public static IReadOnlyList<AdminArea> Read(IReadOnlyList<string> lines, string origin)
    {
        if (lines.Count == 0 || lines[0] != AdminAreaConverter.Header)
        {
            throw new InvalidDataException($"{origin}: the first line must be the header '{AdminAreaConverter.Header}'.");
        }
        var areas = new List<AdminArea>(lines.Count);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var sidoIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var sigunguIds = new Dictionary<(string Sido, string Sigungu), int>();
        for (var index = 1; index < lines.Count; index++)
        {
            if (lines[index].Length == 0)
            {
                continue;
            }
            var line = index + 1;
            string Fail(string problem) => throw new InvalidDataException($"{origin} line {line}: {problem}");
            var fields = lines[index].Split('\t');
            if (fields.Length != 7)
            {
                Fail($"{fields.Length} fields, expected 7.");
            }
            var (code, levelText, sido, sigungu, dong) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
            if (code.Length != 10 || !code.All(char.IsAsciiDigit))
            {
                Fail($"code '{code}' is not 10 digits.");
            }
            if (!codes.Add(code))
            {
                Fail($"code {code} appears twice.");
            }
            var level = levelText switch
            {
                "sido" when sigungu.Length == 0 && dong.Length == 0 => AreaLevel.Sido,
                "sigungu" when sigungu.Length > 0 && dong.Length == 0 => AreaLevel.Sigungu,
                "eupmyeondong" when sigungu.Length > 0 && dong.Length > 0 => AreaLevel.Eupmyeondong,
                _ => (AreaLevel)(-1),
            };
            if ((int)level < 0)
            {
                Fail($"level '{levelText}' does not agree with the names given.");
            }
            foreach (var name in new[] { sido, sigungu, dong }.Where(name => name.Length > 0))
            {
                if (!IsAreaName(name))
                {
                    Fail($"'{name}' is not an area name.");
                }
            }
            if (!TryCoordinate(fields[5], MinLatitude, MaxLatitude, out var latitude) || !TryCoordinate(fields[6], MinLongitude, MaxLongitude, out var longitude))
            {
                Fail($"point ({fields[5]}, {fields[6]}) is not in Korea.");
            }
            var sidoId = -1;
            var sigunguId = -1;
            if (level != AreaLevel.Sido && (!sidoIds.TryGetValue(sido, out sidoId) || !areas[sidoId].Code.AsSpan(0, 2).SequenceEqual(code.AsSpan(0, 2))))
            {
                Fail($"시도 '{sido}' with code prefix {code[..2]} is not listed before it.");
            }
            if (level == AreaLevel.Eupmyeondong && !sigunguIds.TryGetValue((sido, sigungu), out sigunguId))
            {
                Fail($"시군구 '{sido} {sigungu}' is not listed before it.");
            }
            var id = areas.Count;
            switch (level)
            {
                case AreaLevel.Sido when !sidoIds.TryAdd(sido, id):
                    Fail($"시도 '{sido}' appears twice.");
                    break;
                case AreaLevel.Sigungu when !sigunguIds.TryAdd((sido, sigungu), id):
                    Fail($"시군구 '{sido} {sigungu}' appears twice.");
                    break;
            }
            areas.Add(new AdminArea(id, code, level, sido, NullIfEmpty(sigungu), NullIfEmpty(dong),
                new Shops.GeoPoint(latitude, longitude), level == AreaLevel.Sido ? -1 : sidoId, level == AreaLevel.Sigungu ? id : sigunguId));
        }
        return areas;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>Hangul with the digits, dots and single spaces of names such as "종로1.2.3.4가동" and "수원시 팔달구".</summary>
    private static bool IsAreaName(string name) =>
        DongName.IsHangulSyllable(name[0]) && name.Trim() == name && !name.Contains("  ", StringComparison.Ordinal)
        && name.All(c => DongName.IsHangulSyllable(c) || char.IsAsciiDigit(c) || c is '.' or ' ');

    private static bool TryCoordinate(string text, double min, double max, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
}
