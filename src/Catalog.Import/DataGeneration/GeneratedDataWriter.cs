using System.Text.Json;
using Naviyam.Cards;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import.DataGeneration;

/// <summary>
/// Writes a generated city to a folder as <c>shops.jsonl</c> and <c>foodcard_users.jsonl</c>: one JSON object
/// per line, UTF-8 without BOM, LF line ends (see <see cref="GeneratedJson"/> for the JSON settings).
/// </summary>
public static class GeneratedDataWriter
{
    public const string ShopsFileName = "shops.jsonl";
    public const string UsersFileName = "foodcard_users.jsonl";

    public static void Write(GeneratedCity city, string folder)
    {
        ArgumentNullException.ThrowIfNull(city);
        Directory.CreateDirectory(folder);
        WriteLines(city.Shops, Path.Combine(folder, ShopsFileName));
        WriteLines(city.Users, Path.Combine(folder, UsersFileName));
    }

    public static void WriteShops(IEnumerable<ShopRecord> shops, string path) => WriteLines(shops, path);

    public static void WriteUsers(IEnumerable<FoodCardAccount> users, string path) => WriteLines(users, path);

    private static void WriteLines<T>(IEnumerable<T> items, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Encoder = GeneratedJson.Options.Encoder,
            Indented = false,
        });
        foreach (var item in items)
        {
            JsonSerializer.Serialize(writer, item, GeneratedJson.Options);
            writer.Flush();
            writer.Reset(); // one top-level value per line: start each line with a fresh writer state
            stream.WriteByte((byte)'\n');
        }
    }
}
