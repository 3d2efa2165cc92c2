using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Naviyam.Cards;
using Naviyam.Coupons;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>
/// Imports the earlier prototype's sample: <c>restaurants_optimized.json</c> (shops with MySQL-geometry hex
/// coordinates, hours with a break, meal-card flag, menus) and, separately, the <c>foodcard_users</c> table of
/// <c>sample_tables.json</c>. Choices: sourceId is <c>metadata.originalId</c> (else <c>shopId</c>); the same
/// open/close/break applies to every day (the file has no per-day hours; closed days only appear in free text);
/// a close of "0:00" is midnight; <c>acceptsMealCard</c> true/false → Yes/No, missing → Unknown;
/// <c>isApproved=false</c> rows are rejected; a price of 0 is unknown. Menus are classified as a whole
/// (<see cref="MenuKindClassifier"/>), and a menu that is mostly alcohol makes the shop not-for-children.
/// </summary>
public sealed class PeerSampleImporter(CategoryMap map, MenuKindClassifier menuKinds)
{
    public const string Source = "peer";

    public ImportResult ImportFile(string path)
    {
        using var reader = TextFileReader.OpenText(path);
        return Import(reader.ReadToEnd(), path);
    }

    /// <summary>
    /// The restaurants file's shops; or, for the sample tables (<c>sample_tables.json</c>), its meal-card accounts and
    /// coupon definitions (its shop and menu tables repeat the restaurants file and are not read again).
    /// </summary>
    /// <exception cref="InvalidDataException">The JSON is invalid, or neither a restaurants file nor the sample tables.</exception>
    public ImportResult Import(string json, string? origin = null)
    {
        using var document = Parse(json, origin);
        if (!document.RootElement.TryGetProperty("restaurants", out var restaurants) || restaurants.ValueKind != JsonValueKind.Array)
        {
            if (document.RootElement.TryGetProperty("foodcard_users", out _) || document.RootElement.TryGetProperty("coupons", out _))
            {
                return SampleTables(json, origin);
            }
            throw new InvalidDataException($"{origin ?? "The input"} has no \"restaurants\" array.");
        }

        var shops = new ShopAccumulator();
        var index = 0;
        foreach (var element in restaurants.EnumerateArray())
        {
            index++;
            var raw = element.GetRawText();
            if (element.ValueKind != JsonValueKind.Object)
            {
                shops.Reject(0, $"restaurant #{index} is not an object", raw);
                continue;
            }

            var name = ImportParsing.Clean(GetString(element, "shopName"));
            var sourceId = GetScalar(element, "metadata", "originalId") ?? ImportParsing.Clean(GetString(element, "shopId"));
            if (name is null || sourceId is null)
            {
                shops.Reject(0, $"restaurant #{index} has no {(name is null ? "shopName" : "metadata.originalId or shopId")}", raw);
                continue;
            }
            if (GetBool(element, "attributes", "isApproved") == false)
            {
                shops.Reject(0, $"restaurant #{index} is not approved (isApproved=false)", raw);
                continue;
            }

            var menuItems = new List<(string Name, int? Price)>();
            if (element.TryGetProperty("menus", out var menus) && menus.ValueKind == JsonValueKind.Array)
            {
                foreach (var menu in menus.EnumerateArray())
                {
                    var menuName = ImportParsing.Clean(GetString(menu, "name"));
                    if (menuName is null)
                    {
                        continue;
                    }
                    int? price = menu.TryGetProperty("price", out var p) && p.ValueKind == JsonValueKind.Number
                                 && p.TryGetInt32(out var value) && value is > 0 and <= MenuTextParser.MaxPlausiblePrice
                        ? value
                        : null;
                    menuItems.Add((menuName, price));
                }
            }

            var sourceCategory = ImportParsing.Clean(GetString(element, "category"));
            var category = map.Map(Source, sourceCategory, name, menuItems.Select(item => item.Name));
            var acceptsMealCard = GetBool(element, "attributes", "acceptsMealCard");
            var classified = menuKinds.Classify(menuItems, category);
            var mostlyAlcohol = menuKinds.IsMostlyAlcohol(classified);
            var id = ShopRecord.MakeId(Source, sourceId);
            if (mostlyAlcohol)
            {
                shops.MarkMostlyAlcohol(id);
            }

            shops.Add(new ShopRecord
            {
                Id = id,
                Source = Source,
                SourceId = sourceId,
                Name = name,
                Category = category,
                SourceCategory = sourceCategory,
                Address = ImportParsing.Clean(GetString(element, "location", "address")),
                Phone = ImportParsing.Clean(GetString(element, "contact", "phone")),
                Location = WkbPoint.TryDecodeHex(GetString(element, "location", "coordinates")),
                MealCard = acceptsMealCard switch
                {
                    true => MealCardAcceptance.Yes,
                    false => MealCardAcceptance.No,
                    null => MealCardAcceptance.Unknown,
                },
                NotForChildren = map.IsBarLike(sourceCategory, name) || mostlyAlcohol,
                Hours = ParseHours(GetString(element, "hours", "open"), GetString(element, "hours", "close"), GetString(element, "hours", "break")),
                Menus = classified,
                IsGoodInfluenceShop = GetBool(element, "attributes", "isGoodShop") == true,
                OwnerMessage = string.IsNullOrWhiteSpace(GetString(element, "description")) ? null : GetString(element, "description")!.Trim(),
            });
        }

        return shops.ToResult();
    }

    private ImportResult SampleTables(string json, string? origin)
    {
        using var document = Parse(json, origin);
        var accounts = document.RootElement.TryGetProperty("foodcard_users", out _) ? ParseFoodCardUsers(json, origin) : [];
        var (coupons, rejected) = document.RootElement.TryGetProperty("coupons", out _) ? ParseCoupons(json, map, origin) : ([], []);
        return new ImportResult([], rejected) { Accounts = accounts, Coupons = coupons };
    }

    /// <summary>
    /// The <c>foodcard_users</c> table of <c>sample_tables.json</c> (an object keyed by id, or an array) as accounts
    /// "peer-{user_id}". The prototype's rows are made-up demo cards, so they are marked <c>Synthetic</c>.
    /// </summary>
    public static IReadOnlyList<FoodCardAccount> ReadFoodCardUsers(string path)
    {
        using var reader = TextFileReader.OpenText(path);
        return ParseFoodCardUsers(reader.ReadToEnd(), path);
    }

    public static IReadOnlyList<FoodCardAccount> ParseFoodCardUsers(string json, string? origin = null)
    {
        using var document = Parse(json, origin);
        if (!document.RootElement.TryGetProperty("foodcard_users", out var users))
        {
            throw new InvalidDataException($"{origin ?? "The input"} has no \"foodcard_users\" table.");
        }

        var rows = Rows(users, "foodcard_users", origin);
        var accounts = new List<FoodCardAccount>();
        foreach (var row in rows)
        {
            var userId = GetScalar(row, "user_id");
            var cardNumber = GetString(row, "card_number");
            if (userId is null || string.IsNullOrWhiteSpace(cardNumber))
            {
                continue;
            }
            accounts.Add(new FoodCardAccount
            {
                UserId = $"peer-{userId}",
                CardNumber = cardNumber.Trim(),
                Balance = row.TryGetProperty("balance", out var balance) && balance.TryGetInt32(out var value) ? value : 0,
                Status = ImportParsing.Clean(GetString(row, "status")) ?? "ACTIVE",
                TargetAgeGroup = ImportParsing.Clean(GetString(row, "target_age_group")),
                Synthetic = true,
            });
        }
        return accounts.OrderBy(account => account.UserId.Length).ThenBy(account => account.UserId, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The <c>coupons</c> table of <c>sample_tables.json</c> (an object keyed by id, or an array) as coupon definitions.
    /// <c>usage_type</c> FOODCARD and EMERGENCY (the month-end support for meal-card users with a low balance) apply at
    /// any shop that takes the meal card; CATEGORY at shops of the categories in <c>target</c> (mapped like the shops'
    /// own); ALL everywhere. Who may hold a coupon (<c>target</c> user groups) decides who is given one, not where it
    /// applies, so it is not part of the definition. A coupon this product cannot express (GOOD_SHOP, an unknown
    /// category) is rejected with the reason rather than imported to apply wrongly.
    /// </summary>
    public static (IReadOnlyList<Coupon> Coupons, IReadOnlyList<RejectedRow> Rejected) ReadCoupons(string path, CategoryMap map)
    {
        using var reader = TextFileReader.OpenText(path);
        return ParseCoupons(reader.ReadToEnd(), map, path);
    }

    public static (IReadOnlyList<Coupon> Coupons, IReadOnlyList<RejectedRow> Rejected) ParseCoupons(string json, CategoryMap map, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        using var document = Parse(json, origin);
        if (!document.RootElement.TryGetProperty("coupons", out var table))
        {
            throw new InvalidDataException($"{origin ?? "The input"} has no \"coupons\" table.");
        }
        var coupons = new List<Coupon>();
        var rejected = new List<RejectedRow>();
        foreach (var row in Rows(table, "coupons", origin))
        {
            var raw = row.GetRawText();
            var id = GetScalar(row, "id");
            var name = ImportParsing.Clean(GetString(row, "name"));
            if (id is null || name is null)
            {
                rejected.Add(RejectedRow.Create(0, $"coupon without {(id is null ? "id" : "name")}", raw));
                continue;
            }
            var usageType = ImportParsing.Clean(GetString(row, "usage_type"))?.ToUpperInvariant();
            var targets = row.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.Array
                ? target.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToArray()
                : [];
            var categories = new List<FoodCategory>();
            CouponUsage usage;
            switch (usageType)
            {
                case "FOODCARD" or "EMERGENCY":
                    usage = CouponUsage.FoodCard;
                    break;
                case "ALL" or null:
                    usage = CouponUsage.All;
                    break;
                case "CATEGORY":
                    usage = CouponUsage.Category;
                    categories.AddRange(targets.Select(text => map.Map(Source, text)).Where(c => c != FoodCategory.Other).Distinct());
                    if (categories.Count != targets.Length || categories.Count == 0)
                    {
                        rejected.Add(RejectedRow.Create(0, $"coupon {id}: category target '{string.Join(", ", targets)}' names no known category", raw));
                        continue;
                    }
                    break;
                default:
                    rejected.Add(RejectedRow.Create(0, $"coupon {id}: usage type '{usageType}' is not supported", raw));
                    continue;
            }
            coupons.Add(new Coupon
            {
                Id = id,
                Name = name,
                Description = ImportParsing.Clean(GetString(row, "description")),
                DiscountAmount = GetInt(row, "amount") is > 0 and var amount ? amount : null,
                DiscountRate = row.TryGetProperty("discount_rate", out var rate) && rate.ValueKind == JsonValueKind.Number && rate.GetDecimal() is > 0 and <= 1 and var r ? r : null,
                MinOrderAmount = Math.Max(0, GetInt(row, "min_amount") ?? 0),
                Usage = usage,
                TargetCategories = categories,
                ValidFrom = GetDate(row, "valid_from"),
                ValidUntil = GetDate(row, "valid_until"),
            });
        }
        return (coupons, rejected);
    }

    private static IEnumerable<JsonElement> Rows(JsonElement table, string name, string? origin) => table.ValueKind switch
    {
        JsonValueKind.Object => table.EnumerateObject().Select(property => property.Value),
        JsonValueKind.Array => table.EnumerateArray(),
        _ => throw new InvalidDataException($"{origin ?? "The input"}: \"{name}\" is neither an object nor an array."),
    };

    private static int? GetInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static DateOnly? GetDate(JsonElement element, string name) =>
        DateOnly.TryParseExact(GetString(element, name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>Every day the same: "11:00"–"20:30" with an optional break "15:00-16:30" ("-" for none).</summary>
    public static WeeklyHours? ParseHours(string? open, string? close, string? breakTime)
    {
        if (!TryParseClock(open, out var openMinute) || !TryParseClock(close, out var closeMinute))
        {
            return null;
        }

        int? breakStart = null, breakEnd = null;
        if (!string.IsNullOrWhiteSpace(breakTime) && breakTime.Trim() != "-")
        {
            var parts = breakTime.Split(['-', '~'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && TryParseClock(parts[0], out var start) && TryParseClock(parts[1], out var end))
            {
                breakStart = start;
                breakEnd = end;
            }
        }

        var day = openMinute == closeMinute
            ? DayHours.AllDay
            : DayHours.FromRange(openMinute, closeMinute, breakStart, breakEnd);
        return WeeklyHours.Same(day);
    }

    /// <summary>"H:MM" or "HH:MM" → minutes; "24:00" is 1,440.</summary>
    public static bool TryParseClock(string? text, out int minutes)
    {
        minutes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var parts = text.Trim().Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            || minute > 59 || hour > 24 || (hour == 24 && minute > 0))
        {
            return false;
        }
        minutes = hour * 60 + minute;
        return true;
    }

    private static JsonDocument Parse(string json, string? origin)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{origin ?? "The input"} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static bool TryGet(JsonElement element, out JsonElement value, params ReadOnlySpan<string> path)
    {
        value = element;
        foreach (var name in path)
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(name, out value))
            {
                return false;
            }
        }
        return true;
    }

    private static string? GetString(JsonElement element, params ReadOnlySpan<string> path) =>
        TryGet(element, out var value, path) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A string or number as text.</summary>
    private static string? GetScalar(JsonElement element, params ReadOnlySpan<string> path)
    {
        if (!TryGet(element, out var value, path))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => ImportParsing.Clean(value.GetString()),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static bool? GetBool(JsonElement element, params ReadOnlySpan<string> path)
    {
        if (!TryGet(element, out var value, path))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => ImportParsing.ParseBool(value.GetString()),
            _ => null,
        };
    }
}

/// <summary>
/// Decodes a MySQL geometry value in hex ("0x" optional): 4 bytes SRID, then a WKB point — a byte-order flag,
/// a uint32 geometry type (1 = point), and two doubles X (longitude) and Y (latitude) at byte offsets 9 and 17.
/// </summary>
public static class WkbPoint
{
    public static GeoPoint? TryDecodeHex(string? hex)
    {
        if (string.IsNullOrWhiteSpace(hex))
        {
            return null;
        }
        var text = hex.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }
        if (text.Length % 2 != 0)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return null;
        }
        return TryDecode(bytes);
    }

    public static GeoPoint? TryDecode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 25)
        {
            return null;
        }
        var littleEndian = bytes[4] switch
        {
            1 => true,
            0 => false,
            _ => (bool?)null,
        };
        if (littleEndian is null)
        {
            return null;
        }

        var type = littleEndian.Value ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[5..]) : BinaryPrimitives.ReadUInt32BigEndian(bytes[5..]);
        if (type != 1)
        {
            return null;
        }
        var x = littleEndian.Value ? BinaryPrimitives.ReadDoubleLittleEndian(bytes[9..]) : BinaryPrimitives.ReadDoubleBigEndian(bytes[9..]);
        var y = littleEndian.Value ? BinaryPrimitives.ReadDoubleLittleEndian(bytes[17..]) : BinaryPrimitives.ReadDoubleBigEndian(bytes[17..]);
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            return null;
        }
        var point = new GeoPoint(y, x);
        return point.IsValid ? point : null;
    }
}
