using System.Data.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using MySqlConnector;
using Naviyam.Coupons;
using Naviyam.Shops;

namespace Naviyam.Infrastructure.MySql;

/// <summary>
/// Coupons in <c>coupons</c> and wallets in <c>user_coupon_wallet</c>. <c>target_categories</c> holds the Korean
/// category names (["분식"]) as the spec shows them; <c>applicable_shops</c> holds application shop ids
/// ("generated:12"), which survive re-imports where the numeric <c>shops.id</c> would not.
/// </summary>
public sealed class MySqlCouponStore(MySqlDataSource dataSource) : ICouponStore
{
    internal const string CouponColumns = """
        c.id, c.coupon_name, c.description, c.discount_amount, c.discount_rate, c.min_order_amount, c.usage_type,
        c.target_categories, c.applicable_shops, c.valid_from, c.valid_until, c.is_active
        """;

    private const string WalletSelect = $"""
        SELECT w.id, w.user_id, w.acquired_date, w.expiry_date, w.status, w.acquisition_source, {CouponColumns}
        FROM user_coupon_wallet w JOIN coupons c ON c.id = w.coupon_id
        """;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async Task<IReadOnlyList<WalletCoupon>> LoadActiveAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand(
            $"{WalletSelect} WHERE w.user_id = @user AND w.status = 'ACTIVE' ORDER BY w.expiry_date IS NULL, w.expiry_date, w.id", connection);
        command.Parameters.AddWithValue("@user", userId);
        return [.. (await ReadWalletAsync(command, cancellationToken)).Select(row => row.Coupon)];
    }

    public async Task<Coupon?> FindCouponAsync(string couponId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand($"SELECT {CouponColumns} FROM coupons c WHERE c.id = @id", connection);
        command.Parameters.AddWithValue("@id", couponId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadCoupon(reader, 0) : null;
    }

    public async Task<(WalletCoupon Coupon, string UserId, bool Created)> IssueAsync(CouponGrant grant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grant);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var created = true;
        try
        {
            await using var insert = new MySqlCommand(InsertGrantSql, connection);
            BindGrant(insert, grant);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (MySqlException duplicate) when (duplicate.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            // The issue key was used before: answer with the copy it issued.
            created = false;
        }
        await using var select = new MySqlCommand($"{WalletSelect} WHERE w.issue_key = @key", connection);
        select.Parameters.AddWithValue("@key", grant.IssueKey);
        var row = (await ReadWalletAsync(select, cancellationToken)).Single();
        return (row.Coupon, row.UserId, created);
    }

    public async Task<IReadOnlyList<long>> ExpireDueAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // READ COMMITTED: the locking read takes the user's due rows only, not the gaps of the user_id index, so a
        // coupon issued to another user at the same moment neither waits for this nor deadlocks with it.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken);
        var due = new List<long>();
        await using (var select = new MySqlCommand("""
            SELECT id FROM user_coupon_wallet
            WHERE user_id = @user AND status = 'ACTIVE' AND expiry_date <= @now
            FOR UPDATE
            """, connection, transaction))
        {
            select.Parameters.AddWithValue("@user", userId);
            select.Parameters.AddWithValue("@now", now.UtcDateTime);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                due.Add(reader.GetInt64(0));
            }
        }
        if (due.Count > 0)
        {
            // The rows are locked: the ones read are exactly the ones still ACTIVE, so the condition only guards.
            await using var update = new MySqlCommand(
                $"UPDATE user_coupon_wallet SET status = 'EXPIRED' WHERE status = 'ACTIVE' AND id IN ({string.Join(',', due)})",
                connection, transaction);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return due;
    }

    public async Task UpsertCouponsAsync(IEnumerable<Coupon> coupons, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var coupon in coupons)
        {
            await using var command = new MySqlCommand("""
                INSERT INTO coupons (id, coupon_name, description, discount_amount, discount_rate, min_order_amount, usage_type,
                                     target_categories, applicable_shops, valid_from, valid_until, is_active)
                VALUES (@id, @name, @description, @amount, @rate, @min, @usage, @categories, @shops, @from, @until, @active)
                ON DUPLICATE KEY UPDATE coupon_name = VALUES(coupon_name), description = VALUES(description),
                    discount_amount = VALUES(discount_amount), discount_rate = VALUES(discount_rate),
                    min_order_amount = VALUES(min_order_amount), usage_type = VALUES(usage_type),
                    target_categories = VALUES(target_categories), applicable_shops = VALUES(applicable_shops),
                    valid_from = VALUES(valid_from), valid_until = VALUES(valid_until), is_active = VALUES(is_active)
                """, connection, transaction);
            command.Parameters.AddWithValue("@id", coupon.Id);
            command.Parameters.AddWithValue("@name", coupon.Name);
            command.Parameters.AddWithValue("@description", coupon.Description);
            command.Parameters.AddWithValue("@amount", coupon.DiscountAmount);
            command.Parameters.AddWithValue("@rate", coupon.DiscountRate);
            command.Parameters.AddWithValue("@min", coupon.MinOrderAmount == 0 ? null : coupon.MinOrderAmount);
            command.Parameters.AddWithValue("@usage", UsageCode(coupon.Usage));
            command.Parameters.AddWithValue("@categories", coupon.TargetCategories.Count == 0
                ? null : JsonSerializer.Serialize(coupon.TargetCategories.Select(c => c.ToKorean()), Json));
            command.Parameters.AddWithValue("@shops", coupon.ApplicableShops.Count == 0
                ? null : JsonSerializer.Serialize(coupon.ApplicableShops, Json));
            command.Parameters.AddWithValue("@from", coupon.ValidFrom);
            command.Parameters.AddWithValue("@until", coupon.ValidUntil);
            command.Parameters.AddWithValue("@active", coupon.IsActive);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task IssueManyAsync(IEnumerable<CouponGrant> grants, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var batch in grants.Chunk(500))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var grant in batch)
            {
                // A key already stored is left as it is (its row may be used or expired by now).
                await using var command = new MySqlCommand(InsertGrantSql + " ON DUPLICATE KEY UPDATE issue_key = issue_key", connection, transaction);
                BindGrant(command, grant);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Makes sure the user row exists (wallets reference it), then adds the wallet row.</summary>
    private const string InsertGrantSql = """
        INSERT INTO users (user_id) VALUES (@user) ON DUPLICATE KEY UPDATE user_id = user_id;
        INSERT INTO user_coupon_wallet (user_id, coupon_id, issue_key, acquired_date, expiry_date, status, acquisition_source)
        VALUES (@user, @coupon, @key, @acquired, @expiry, 'ACTIVE', @source)
        """;

    private static void BindGrant(MySqlCommand command, CouponGrant grant)
    {
        command.Parameters.AddWithValue("@user", grant.UserId);
        command.Parameters.AddWithValue("@coupon", grant.CouponId);
        command.Parameters.AddWithValue("@key", grant.IssueKey);
        command.Parameters.AddWithValue("@acquired", grant.AcquiredAt.UtcDateTime);
        command.Parameters.AddWithValue("@expiry", grant.ExpiresAt?.UtcDateTime);
        command.Parameters.AddWithValue("@source", grant.Source);
    }

    private static async Task<List<(WalletCoupon Coupon, string UserId)>> ReadWalletAsync(MySqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<(WalletCoupon, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((new WalletCoupon(
                reader.GetInt64(0),
                ReadCoupon(reader, 6),
                Utc(reader.GetDateTime(2)),
                reader.IsDBNull(3) ? null : Utc(reader.GetDateTime(3)),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)), reader.GetString(1)));
        }
        return rows;
    }

    /// <summary>Reads the <see cref="CouponColumns"/> starting at <paramref name="first"/>.</summary>
    internal static Coupon ReadCoupon(DbDataReader reader, int first)
    {
        var categoryNames = reader.IsDBNull(first + 7) ? [] : StringsOf(reader.GetString(first + 7));
        var categories = ParseCategories(categoryNames);
        var shopsListed = reader.IsDBNull(first + 8) ? 0 : CountOf(reader.GetString(first + 8));
        var shops = reader.IsDBNull(first + 8) ? [] : StringsOf(reader.GetString(first + 8));
        return new Coupon
        {
            Id = reader.GetString(first),
            Name = reader.GetString(first + 1),
            Description = reader.IsDBNull(first + 2) ? null : reader.GetString(first + 2),
            DiscountAmount = reader.IsDBNull(first + 3) ? null : reader.GetInt32(first + 3),
            DiscountRate = reader.IsDBNull(first + 4) ? null : reader.GetDecimal(first + 4),
            MinOrderAmount = reader.IsDBNull(first + 5) ? 0 : reader.GetInt32(first + 5),
            Usage = ParseUsage(reader.GetString(first + 6)),
            TargetCategories = categories,
            ApplicableShops = shops,
            ValidFrom = reader.IsDBNull(first + 9) ? null : DateOnly.FromDateTime(reader.GetDateTime(first + 9)),
            ValidUntil = reader.IsDBNull(first + 10) ? null : DateOnly.FromDateTime(reader.GetDateTime(first + 10)),
            // A list none of whose entries we understand (an unknown category, a numeric shops.id as the spec shows)
            // would read as "everywhere": such a coupon is switched off instead.
            IsActive = reader.GetBoolean(first + 11)
                && (categoryNames.Length == 0 || categories.Length > 0)
                && (shopsListed == 0 || shops.Length > 0),
        };
    }

    /// <summary>The string entries of a JSON array (other entries are skipped).</summary>
    private static string[] StringsOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind != JsonValueKind.Array
            ? []
            : [.. document.RootElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
    }

    private static int CountOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.GetArrayLength() : 0;
    }

    /// <summary>The team categories among the Korean names; names this service does not know are skipped.</summary>
    private static FoodCategory[] ParseCategories(string[] names) =>
        [.. names
            .Select(name => (Known: FoodCategoryNames.TryParseKorean(name, out var category), category))
            .Where(parsed => parsed.Known)
            .Select(parsed => parsed.category)];

    private static CouponUsage ParseUsage(string code) => code switch
    {
        "SHOP" => CouponUsage.Shop,
        "CATEGORY" => CouponUsage.Category,
        "FOODCARD" => CouponUsage.FoodCard,
        _ => CouponUsage.All,
    };

    private static string UsageCode(CouponUsage usage) => usage switch
    {
        CouponUsage.Shop => "SHOP",
        CouponUsage.Category => "CATEGORY",
        CouponUsage.FoodCard => "FOODCARD",
        _ => "ALL",
    };

    internal static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}
