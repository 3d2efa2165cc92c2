using System.Globalization;
using System.Text;
using Microsoft.VisualBasic.FileIO;

namespace Naviyam.Places;

/// <summary>
/// Converts the Korea Meteorological Administration's area table (as carried in <c>../shared/data/real/gazetteer/
/// kma_admin_areas.csv</c>: area_code, sido, sigungu, eupmyeondong, latitude, longitude) into the team's gazetteer
/// file, <c>data/places/admin-areas.tsv</c>. The conversion is deterministic, so a test can check that the shipped
/// file is exactly the conversion of the source, and rerunning it after a source update is the whole update.
/// </summary>
/// <remarks>
/// What changes on the way: a level column is added (sido, sigungu, eupmyeondong), names are trimmed, and the two
/// 시군구 the source glues to their city ("포항시남구", "포항시북구") are spelled like every other 구 of a city
/// ("포항시 남구"), the way addresses write them. Coordinates are copied as written (no float round trip).
/// </remarks>
public static class AdminAreaConverter
{
    public const string Header = "code\tlevel\tsido\tsigungu\teupmyeondong\tlatitude\tlongitude";

    private static readonly string[] SourceColumns = ["area_code", "sido", "sigungu", "eupmyeondong", "latitude", "longitude"];

    public static string Convert(TextReader source)
    {
        using var parser = new TextFieldParser(source) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? throw new InvalidDataException("The area table is empty.");
        if (!header.Select(column => column.Trim()).SequenceEqual(SourceColumns))
        {
            throw new InvalidDataException($"The area table's columns are '{string.Join(',', header)}', expected '{string.Join(',', SourceColumns)}'.");
        }
        var output = new StringBuilder().Append(Header).Append('\n');
        while (parser.ReadFields() is { } fields)
        {
            var line = parser.LineNumber;
            if (fields.Length != SourceColumns.Length)
            {
                throw new InvalidDataException($"Area table line {line}: {fields.Length} fields, expected {SourceColumns.Length}.");
            }
            var (code, sido, sigungu, dong, latitude, longitude) =
                (fields[0].Trim(), fields[1].Trim(), CitySpaced(fields[2].Trim()), fields[3].Trim(), fields[4].Trim(), fields[5].Trim());
            var level = dong.Length > 0 ? "eupmyeondong" : sigungu.Length > 0 ? "sigungu" : "sido";
            output.AppendJoin('\t', code, level, sido, sigungu, dong, latitude, longitude).Append('\n');
        }
        return output.ToString();
    }

    public static string ConvertFile(string csvPath)
    {
        using var reader = new StreamReader(csvPath, Encoding.UTF8);
        return Convert(reader);
    }

    /// <summary>"포항시남구" → "포항시 남구": a 구 of a city, glued to it in the source.</summary>
    private static string CitySpaced(string sigungu)
    {
        var city = sigungu.IndexOf('시', StringComparison.Ordinal);
        return sigungu.Contains(' ', StringComparison.Ordinal) || city < 1 || city >= sigungu.Length - 2 || sigungu[^1] != '구'
            ? sigungu
            : string.Create(CultureInfo.InvariantCulture, $"{sigungu[..(city + 1)]} {sigungu[(city + 1)..]}");
    }
}
