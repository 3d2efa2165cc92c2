using System.Text.Json;

namespace Naviyam.Places;

/// <summary>
/// How people and newer addresses write the gazetteer's 시도 and 시군구 (<c>data/places/aliases.json</c>):
/// "서울", "서울시" for 서울특별시; "강원특별자치도" (2023) and "전북특별자치도" (2024) for the table's 강원도 and
/// 전라북도; "인천광역시 남구" for today's 미추홀구; "대구광역시 군위군" for the table's 경상북도 군위군 (moved in 2023);
/// and the legal 동 whose administrative 읍면동 carry other names, so no spelling rule relates them: 관악구's 신림동
/// and 봉천동, split in 2008 into 서원동, 신원동 … and 보라매동, 청림동 ….
/// </summary>
public sealed record PlaceAliases(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Sido,
    IReadOnlyList<SigunguAlias> Sigungu,
    IReadOnlyList<DongAlias> Dong)
{
    public static PlaceAliases Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var sido = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var entry in Property(root, "sido", path).EnumerateObject())
        {
            sido[entry.Name] = entry.Value.EnumerateArray().Select(alias => Text(alias, path)).ToArray();
        }
        var sigungu = Property(root, "sigungu", path).EnumerateArray()
            .Select(alias => new SigunguAlias(
                Text(Property(alias, "sido", path), path),
                Text(Property(alias, "written", path), path),
                Text(Property(alias, "is", path), path)))
            .ToArray();
        // Optional: a file without legal 동 names none.
        var dong = root.TryGetProperty("dong", out var dongs)
            ? dongs.EnumerateArray()
                .Select(alias => new DongAlias(
                    Text(Property(alias, "sido", path), path),
                    Text(Property(alias, "sigungu", path), path),
                    Text(Property(alias, "written", path), path),
                    [.. Property(alias, "spans", path).EnumerateArray().Select(name => Text(name, path))]))
                .ToArray()
            : [];
        return new PlaceAliases(sido, sigungu, dong);
    }

    private static JsonElement Property(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) ? value : throw new InvalidDataException($"{path}: '{name}' is missing.");

    private static string Text(JsonElement element, string path) =>
        element.GetString() is { Length: > 0 } text ? text.Trim() : throw new InvalidDataException($"{path}: an empty name.");
}

/// <summary>A 시군구 written under <see cref="Sido"/> as <see cref="Written"/> that the gazetteer calls <see cref="Is"/> (under whichever 시도 holds it).</summary>
public sealed record SigunguAlias(string Sido, string Written, string Is);

/// <summary>
/// A legal 동 of <see cref="Sido"/> <see cref="Sigungu"/> written <see cref="Written"/> that spans the administrative
/// 읍면동 <see cref="Spans"/>, whose names do not derive from it (신림동 → 서원동, 신원동, …, 신림동).
/// </summary>
public sealed record DongAlias(string Sido, string Sigungu, string Written, IReadOnlyList<string> Spans);
