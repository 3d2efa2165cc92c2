using System.Globalization;
using System.Text;
using MySqlConnector;
using Naviyam.Catalog;
using Naviyam.Shops;

namespace Naviyam.Infrastructure.MySql;

/// <summary>
/// Shops in the spec's tables: <c>shops</c>, <c>menus</c> and <c>shop_hours</c>. A shop and its menus and hours are
/// written in one transaction, so a reader never sees half an edit.
/// </summary>
public sealed class MySqlShopRepository(MySqlDataSource dataSource) : IShopRepository
{
    private const int BatchSize = 200;

    private const string ShopColumns = """
        s.id, s.source, s.source_id, s.shop_name, s.category, s.source_category, s.address_name, s.phone,
        s.meal_card_acceptance, s.not_for_children, s.latitude, s.longitude, s.popularity_score, s.synthetic,
        s.is_good_influence_shop, s.owner_message, s.delivery_available, s.updated_at, s.location_approximate, s.approximate_area
        """;

    public async Task<ShopRecord?> GetAsync(string shopId, CancellationToken cancellationToken = default)
    {
        var found = await LoadAsync("WHERE s.shop_key = @key", command => command.Parameters.AddWithValue("@key", shopId), cancellationToken);
        return found.Count > 0 ? found[0].Shop : null;
    }

    public async Task<IReadOnlyList<ShopRecord>> LoadAllAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync("", _ => { }, cancellationToken)).Select(s => s.Shop).ToList();

    /// <summary>Shops changed after <paramref name="since"/>, with the newest change time seen (for catalog refresh).</summary>
    public async Task<(IReadOnlyList<ShopRecord> Shops, DateTime Watermark)> LoadChangedSinceAsync(DateTime since, CancellationToken cancellationToken = default)
    {
        var changed = await LoadAsync("WHERE s.updated_at > @since", command => command.Parameters.AddWithValue("@since", since), cancellationToken);
        var watermark = changed.Count > 0 ? changed.Max(s => s.UpdatedAt) : since;
        return (changed.Select(s => s.Shop).ToList(), watermark);
    }

    public async Task<IReadOnlyList<ShopRecord>> UpsertAsync(IReadOnlyList<ShopRecord> shops, CancellationToken cancellationToken = default)
    {
        var stored = new List<ShopRecord>(shops.Count);
        foreach (var batch in shops.DistinctBy(s => s.Id).Chunk(BatchSize))
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var existing = await LoadAsync(connection, transaction, batch.Select(s => s.Id).ToArray(), cancellationToken);
            foreach (var incoming in batch)
            {
                var merged = ShopMerge.Merge(existing.GetValueOrDefault(incoming.Id), incoming);
                await WriteAsync(connection, transaction, merged, cancellationToken);
                stored.Add(merged);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return stored;
    }

    private async Task<List<(ShopRecord Shop, DateTime UpdatedAt)>> LoadAsync(string where, Action<MySqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await LoadAsync(connection, null, where, bind, cancellationToken);
    }

    private static async Task<Dictionary<string, ShopRecord>> LoadAsync(
        MySqlConnection connection, MySqlTransaction transaction, string[] keys, CancellationToken cancellationToken)
    {
        var names = keys.Select((_, i) => "@k" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var rows = await LoadAsync(connection, transaction, $"WHERE s.shop_key IN ({string.Join(',', names)}) FOR UPDATE",
            command =>
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    command.Parameters.AddWithValue(names[i], keys[i]);
                }
            }, cancellationToken);
        return rows.ToDictionary(r => r.Shop.Id, r => r.Shop, StringComparer.Ordinal);
    }

    private static async Task<List<(ShopRecord Shop, DateTime UpdatedAt)>> LoadAsync(
        MySqlConnection connection, MySqlTransaction? transaction, string where, Action<MySqlCommand> bind, CancellationToken cancellationToken)
    {
        var shops = new Dictionary<int, (ShopRecord Shop, DateTime UpdatedAt)>();
        await using (var command = new MySqlCommand($"SELECT {ShopColumns} FROM shops s {where}", connection, transaction))
        {
            bind(command);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var source = reader.GetString(1);
                var sourceId = reader.GetString(2);
                shops[reader.GetInt32(0)] = (new ShopRecord
                {
                    Id = ShopRecord.MakeId(source, sourceId),
                    Source = source,
                    SourceId = sourceId,
                    Name = reader.GetString(3),
                    Category = Enum.TryParse<FoodCategory>(reader.GetString(4), out var category) ? category : FoodCategory.Other,
                    SourceCategory = reader.IsDBNull(5) ? null : reader.GetString(5),
                    Address = reader.IsDBNull(6) ? null : reader.GetString(6),
                    Phone = reader.IsDBNull(7) ? null : reader.GetString(7),
                    MealCard = ParseAcceptance(reader.GetString(8)),
                    NotForChildren = reader.GetBoolean(9),
                    Location = reader.IsDBNull(10) ? null : new GeoPoint((double)reader.GetDecimal(10), (double)reader.GetDecimal(11)),
                    Popularity = (double)reader.GetDecimal(12),
                    Synthetic = reader.GetBoolean(13),
                    IsGoodInfluenceShop = reader.GetBoolean(14),
                    OwnerMessage = reader.IsDBNull(15) ? null : reader.GetString(15),
                    DeliveryAvailable = reader.GetBoolean(16),
                    LocationApproximate = reader.GetBoolean(18),
                    ApproximateArea = reader.IsDBNull(19) ? null : reader.GetString(19),
                }, reader.GetDateTime(17));
            }
        }
        if (shops.Count == 0)
        {
            return [];
        }

        var ids = string.Join(',', shops.Keys);
        var menus = new Dictionary<int, List<MenuItem>>();
        await using (var command = new MySqlCommand($"SELECT shop_id, menu_name, price, kind FROM menus WHERE shop_id IN ({ids}) ORDER BY shop_id, id", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var list = menus.TryGetValue(reader.GetInt32(0), out var found) ? found : menus[reader.GetInt32(0)] = [];
                list.Add(new MenuItem(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), ParseKind(reader.GetString(3))));
            }
        }

        var hours = new Dictionary<int, DayHours?[]>();
        await using (var command = new MySqlCommand($"SELECT shop_id, weekday, is_closed, open_minute, close_minute, break_start_minute, break_end_minute FROM shop_hours WHERE shop_id IN ({ids})", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var week = hours.TryGetValue(reader.GetInt32(0), out var found) ? found : hours[reader.GetInt32(0)] = new DayHours?[7];
                week[reader.GetByte(1)] = reader.GetBoolean(2)
                    ? DayHours.ClosedDay
                    : DayHours.FromRange(reader.GetInt16(3), reader.GetInt16(4),
                        reader.IsDBNull(5) ? null : reader.GetInt16(5), reader.IsDBNull(6) ? null : reader.GetInt16(6));
            }
        }

        return shops.Select(pair => (pair.Value.Shop with
        {
            Menus = menus.GetValueOrDefault(pair.Key) ?? [],
            Hours = hours.TryGetValue(pair.Key, out var week) ? new WeeklyHours(week) : null,
        }, pair.Value.UpdatedAt)).ToList();
    }

    private static async Task WriteAsync(MySqlConnection connection, MySqlTransaction transaction, ShopRecord shop, CancellationToken cancellationToken)
    {
        await using var upsert = new MySqlCommand("""
            INSERT INTO shops (source, source_id, synthetic, shop_name, category, source_category, address_name, phone, owner_message,
                               is_good_influence_shop, meal_card_acceptance, not_for_children, delivery_available, latitude, longitude,
                               location_approximate, approximate_area, popularity_score)
            VALUES (@source, @sourceId, @synthetic, @name, @category, @sourceCategory, @address, @phone, @ownerMessage,
                    @goodShop, @mealCard, @notForChildren, @delivery, @lat, @lng, @approximate, @approximateArea, @popularity)
            ON DUPLICATE KEY UPDATE
                id = LAST_INSERT_ID(id), synthetic = VALUES(synthetic), shop_name = VALUES(shop_name), category = VALUES(category),
                source_category = VALUES(source_category), address_name = VALUES(address_name), phone = VALUES(phone),
                owner_message = VALUES(owner_message), is_good_influence_shop = VALUES(is_good_influence_shop),
                meal_card_acceptance = VALUES(meal_card_acceptance), not_for_children = VALUES(not_for_children),
                delivery_available = VALUES(delivery_available), latitude = VALUES(latitude), longitude = VALUES(longitude),
                location_approximate = VALUES(location_approximate), approximate_area = VALUES(approximate_area),
                popularity_score = VALUES(popularity_score), updated_at = CURRENT_TIMESTAMP(6)
            """, connection, transaction);
        upsert.Parameters.AddWithValue("@source", shop.Source);
        upsert.Parameters.AddWithValue("@sourceId", shop.SourceId);
        upsert.Parameters.AddWithValue("@synthetic", shop.Synthetic);
        upsert.Parameters.AddWithValue("@name", Truncate(shop.Name, 200));
        upsert.Parameters.AddWithValue("@category", shop.Category.ToString());
        upsert.Parameters.AddWithValue("@sourceCategory", Truncate(shop.SourceCategory, 100));
        upsert.Parameters.AddWithValue("@address", shop.Address);
        upsert.Parameters.AddWithValue("@phone", Truncate(shop.Phone, 40));
        upsert.Parameters.AddWithValue("@ownerMessage", shop.OwnerMessage);
        upsert.Parameters.AddWithValue("@goodShop", shop.IsGoodInfluenceShop);
        upsert.Parameters.AddWithValue("@mealCard", FormatAcceptance(shop.MealCard));
        upsert.Parameters.AddWithValue("@notForChildren", shop.NotForChildren);
        upsert.Parameters.AddWithValue("@delivery", shop.DeliveryAvailable);
        upsert.Parameters.AddWithValue("@lat", shop.Location is { IsValid: true } at ? Math.Round((decimal)at.Latitude, 8) : null);
        upsert.Parameters.AddWithValue("@lng", shop.Location is { IsValid: true } at2 ? Math.Round((decimal)at2.Longitude, 8) : null);
        // Only a position can be approximate; an area is named only for an approximate one (ck_shops_approximate_location).
        var approximate = shop.LocationApproximate && shop.Location is { IsValid: true };
        upsert.Parameters.AddWithValue("@approximate", approximate);
        upsert.Parameters.AddWithValue("@approximateArea", approximate && !string.IsNullOrEmpty(shop.ApproximateArea) ? Truncate(shop.ApproximateArea, 100) : null);
        upsert.Parameters.AddWithValue("@popularity", Math.Round((decimal)Math.Clamp(shop.Popularity, 0, 1), 3));
        await upsert.ExecuteNonQueryAsync(cancellationToken);
        var shopId = (int)upsert.LastInsertedId;

        await using (var clear = new MySqlCommand("DELETE FROM menus WHERE shop_id = @id; DELETE FROM shop_hours WHERE shop_id = @id", connection, transaction))
        {
            clear.Parameters.AddWithValue("@id", shopId);
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        if (shop.Menus.Count > 0)
        {
            var sql = new StringBuilder("INSERT INTO menus (shop_id, menu_name, price, kind) VALUES ");
            await using var insert = new MySqlCommand { Connection = connection, Transaction = transaction };
            insert.Parameters.AddWithValue("@id", shopId);
            for (var i = 0; i < shop.Menus.Count; i++)
            {
                sql.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"(@id, @n{i}, @p{i}, @k{i})");
                insert.Parameters.AddWithValue($"@n{i}", Truncate(shop.Menus[i].Name, 200));
                insert.Parameters.AddWithValue($"@p{i}", shop.Menus[i].Price);
                insert.Parameters.AddWithValue($"@k{i}", FormatKind(shop.Menus[i].Kind));
            }
            insert.CommandText = sql.ToString();
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        if (shop.Hours is { } weekly)
        {
            var sql = new StringBuilder();
            await using var insert = new MySqlCommand { Connection = connection, Transaction = transaction };
            insert.Parameters.AddWithValue("@id", shopId);
            for (var day = 0; day < 7; day++)
            {
                if (weekly.For((DayOfWeek)day) is not { } hours || !hours.Closed && hours.Intervals.Count == 0)
                {
                    continue;
                }
                sql.Append(sql.Length == 0 ? "INSERT INTO shop_hours (shop_id, weekday, is_closed, open_minute, close_minute, break_start_minute, break_end_minute) VALUES " : ",")
                    .Append(CultureInfo.InvariantCulture, $"(@id, {day}, @c{day}, @o{day}, @e{day}, @bs{day}, @be{day})");
                var first = hours.Closed ? default : hours.Intervals[0];
                var last = hours.Closed ? default : hours.Intervals[^1];
                var hasBreak = !hours.Closed && hours.Intervals.Count > 1;
                insert.Parameters.AddWithValue($"@c{day}", hours.Closed);
                insert.Parameters.AddWithValue($"@o{day}", hours.Closed ? null : first.OpenMinute);
                insert.Parameters.AddWithValue($"@e{day}", hours.Closed ? null : last.CloseMinute);
                insert.Parameters.AddWithValue($"@bs{day}", hasBreak ? first.CloseMinute : null);
                insert.Parameters.AddWithValue($"@be{day}", hasBreak ? hours.Intervals[1].OpenMinute : null);
            }
            if (sql.Length > 0)
            {
                insert.CommandText = sql.ToString();
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..max];

    private static MealCardAcceptance ParseAcceptance(string code) => code switch
    {
        "Y" => MealCardAcceptance.Yes,
        "N" => MealCardAcceptance.No,
        "P" => MealCardAcceptance.Partial,
        _ => MealCardAcceptance.Unknown,
    };

    private static string FormatAcceptance(MealCardAcceptance acceptance) => acceptance switch
    {
        MealCardAcceptance.Yes => "Y",
        MealCardAcceptance.No => "N",
        MealCardAcceptance.Partial => "P",
        _ => "U",
    };

    // One column value per MenuKind member (menus.kind, V005 and V013). An unknown value is refused, never read as a
    // meal: only a meal is offered for a budget, and alcohol must never be.
    private static MenuKind ParseKind(string kind) => kind switch
    {
        "meal" => MenuKind.Meal,
        "drink" => MenuKind.Drink,
        "side" => MenuKind.Side,
        "addon" => MenuKind.AddOn,
        "dessert" => MenuKind.Dessert,
        "alcohol" => MenuKind.Alcohol,
        "shared_set" => MenuKind.SharedSet,
        _ => throw new InvalidDataException($"menus.kind '{kind}' is not a menu kind this build knows."),
    };

    private static string FormatKind(MenuKind kind) => kind switch
    {
        MenuKind.Meal => "meal",
        MenuKind.Drink => "drink",
        MenuKind.Side => "side",
        MenuKind.AddOn => "addon",
        MenuKind.Dessert => "dessert",
        MenuKind.Alcohol => "alcohol",
        MenuKind.SharedSet => "shared_set",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a menu kind the menus table can store."),
    };
}
