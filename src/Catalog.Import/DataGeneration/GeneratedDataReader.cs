using System.Text.Json;
using Naviyam.Cards;
using Naviyam.Shops;
using Naviyam.Catalog.Import;

namespace Naviyam.Catalog.Import.DataGeneration;

/// <summary>Reads what <see cref="GeneratedDataWriter"/> wrote. Blank lines are skipped.</summary>
public static class GeneratedDataReader
{
    /// <summary>Reads both files of a folder; any bad line is an error here.</summary>
    /// <exception cref="InvalidDataException">A line is not a valid record.</exception>
    public static GeneratedCity Read(string folder)
    {
        var shops = ReadShops(Path.Combine(folder, GeneratedDataWriter.ShopsFileName));
        if (shops.Rejected.Count > 0)
        {
            var first = shops.Rejected[0];
            throw new InvalidDataException($"{GeneratedDataWriter.ShopsFileName} line {first.Line}: {first.Reason}");
        }
        var usersPath = Path.Combine(folder, GeneratedDataWriter.UsersFileName);
        var users = File.Exists(usersPath) ? ReadUsers(usersPath) : [];
        return new GeneratedCity(shops.Shops, users);
    }

    /// <summary>Shops from a <c>shops.jsonl</c> file; bad lines are reported as rejected rows, repeated ids merged.</summary>
    public static ImportResult ReadShops(string path)
    {
        var shops = new ShopAccumulator();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                var shop = JsonSerializer.Deserialize<ShopRecord>(line, GeneratedJson.Options);
                if (shop is null)
                {
                    shops.Reject(lineNumber, "null record", line);
                    continue;
                }
                shops.Add(shop);
            }
            catch (JsonException ex)
            {
                shops.Reject(lineNumber, $"invalid shop JSON: {ex.Message}", line);
            }
        }
        return shops.ToResult();
    }

    /// <exception cref="InvalidDataException">A line is not a valid account.</exception>
    public static IReadOnlyList<FoodCardAccount> ReadUsers(string path)
    {
        var users = new List<FoodCardAccount>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                users.Add(JsonSerializer.Deserialize<FoodCardAccount>(line, GeneratedJson.Options)
                          ?? throw new InvalidDataException($"{path} line {lineNumber}: null record"));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path} line {lineNumber}: invalid account JSON: {ex.Message}", ex);
            }
        }
        return users;
    }
}
