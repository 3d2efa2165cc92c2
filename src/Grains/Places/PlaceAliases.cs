using System.Text.Json;

namespace Naviyam.Places;

/// <summary>
/// How people and newer addresses write the gazetteer's 시도 and 시군구 (<c>data/places/aliases.json</c>):
/// "서울", "서울시" for 서울특별시; "강원특별자치도" (2023) and "전북특별자치도" (2024) for the table's 강원도 and
/// 전라북도; "인천광역시 남구" for today's 미추홀구; "대구광역시 군위군" for the table's 경상북도 군위군 (moved in 2023).
/// </summary>
public sealed record PlaceAliases(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Sido,
    IReadOnlyList<SigunguAlias> Sigungu)
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
        return new PlaceAliases(sido, sigungu);
    }

    private static JsonElement Property(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) ? value : throw new InvalidDataException($"{path}: '{name}' is missing.");

    private static string Text(JsonElement element, string path) =>
        element.GetString() is { Length: > 0 } text ? text.Trim() : throw new InvalidDataException($"{path}: an empty name.");
}

/// <summary>A 시군구 written under <see cref="Sido"/> as <see cref="Written"/> that the gazetteer calls <see cref="Is"/> (under whichever 시도 holds it).</summary>
public sealed record SigunguAlias(string Sido, string Written, string Is);
