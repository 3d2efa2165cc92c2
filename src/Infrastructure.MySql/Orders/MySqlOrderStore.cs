using MySqlConnector;
using Naviyam.Cards;
using Naviyam.Orders;

namespace Naviyam.Infrastructure.MySql;

/// <summary>
/// Orders in <c>product_orders</c>. Placing one is a single transaction that first locks the card row (the lock
/// <c>foodcard_apply</c> takes too, so every spend of one card queues there), then re-checks the order key, the
/// card and the balance, debits the card (balance + ledger), stores the order and marks the coupon USED only if
/// it is still ACTIVE and unexpired. Any refusal rolls everything back; nothing is acknowledged before COMMIT.
/// </summary>
public sealed class MySqlOrderStore(MySqlDataSource dataSource) : IOrderStore
{
    public async Task<OrderReceipt?> FindAsync(string userId, string orderKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, null, userId, orderKey, cancellationToken);
    }

    public async Task<OrderCommit> PlaceAsync(OrderPlacement placement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(placement);
        var request = placement.Request;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var account = await LockCardAsync(connection, transaction, placement.UserId, cancellationToken);
        if (account is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new OrderCommit(OrderResult.Refused(OrderErrors.NoCard), null);
        }
        if (await OrderExistsAsync(connection, transaction, placement.UserId, request.OrderKey, cancellationToken))
        {
            var first = await FindAsync(connection, transaction, placement.UserId, request.OrderKey, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new OrderCommit(OrderResult.Placed(first!, duplicate: true), account);
        }
        if (account.Status != "ACTIVE")
        {
            await transaction.RollbackAsync(cancellationToken);
            return new OrderCommit(OrderResult.Refused(OrderErrors.CardInactive), account);
        }
        if (account.Balance < placement.Paid)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new OrderCommit(OrderResult.Refused(OrderErrors.InsufficientBalance), account);
        }

        long? ledgerId = null;
        var after = account;
        if (placement.Paid > 0)
        {
            after = account with { Balance = account.Balance - placement.Paid, Version = account.Version + 1 };
            ledgerId = await DebitAsync(connection, transaction, account, after, placement, cancellationToken);
        }

        var (shopRowId, menuRowId) = await ResolveCatalogIdsAsync(connection, transaction, request, cancellationToken);
        long orderId;
        await using (var insert = new MySqlCommand("""
            INSERT INTO product_orders (user_id, order_key, product_id, shop_id, shop_key, menu_name, created_at, quantity,
                                        price, order_amount, discount_amount, balance_after, foodcard_ledger_id)
            VALUES (@user, @key, @menu, @shop, @shopKey, @menuName, @now, @quantity, @paid, @amount, @discount, @balance, @ledger)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue("@user", placement.UserId);
            insert.Parameters.AddWithValue("@key", request.OrderKey);
            insert.Parameters.AddWithValue("@menu", menuRowId);
            insert.Parameters.AddWithValue("@shop", shopRowId);
            insert.Parameters.AddWithValue("@shopKey", request.ShopId);
            insert.Parameters.AddWithValue("@menuName", request.MenuName);
            insert.Parameters.AddWithValue("@now", placement.Now.UtcDateTime);
            insert.Parameters.AddWithValue("@quantity", request.Quantity);
            insert.Parameters.AddWithValue("@paid", placement.Paid);
            insert.Parameters.AddWithValue("@amount", request.OrderAmount);
            insert.Parameters.AddWithValue("@discount", placement.Discount);
            insert.Parameters.AddWithValue("@balance", after.Balance);
            insert.Parameters.AddWithValue("@ledger", ledgerId);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            orderId = insert.LastInsertedId;
        }

        if (placement.Coupon is { } coupon)
        {
            await using var use = new MySqlCommand("""
                UPDATE user_coupon_wallet
                SET status = 'USED', usage_date = @now, used_shop_id = @shop, used_menu_id = @menu, used_order_id = @order,
                    used_order_amount = @amount, discount_applied = @discount
                WHERE id = @wallet AND user_id = @user AND status = 'ACTIVE' AND (expiry_date IS NULL OR expiry_date > @now)
                """, connection, transaction);
            use.Parameters.AddWithValue("@now", placement.Now.UtcDateTime);
            use.Parameters.AddWithValue("@shop", shopRowId);
            use.Parameters.AddWithValue("@menu", menuRowId);
            use.Parameters.AddWithValue("@order", orderId);
            use.Parameters.AddWithValue("@amount", request.OrderAmount);
            use.Parameters.AddWithValue("@discount", placement.Discount);
            use.Parameters.AddWithValue("@wallet", coupon.WalletCouponId);
            use.Parameters.AddWithValue("@user", placement.UserId);
            // The status flips ACTIVE -> USED, so the matched row count is the changed row count.
            if (await use.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new OrderCommit(OrderResult.Refused(OrderErrors.CouponNotUsable), account);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new OrderCommit(OrderResult.Placed(placement.Receipt(orderId, after.Balance)), after);
    }

    private static Task<FoodCardAccount?> LockCardAsync(MySqlConnection connection, MySqlTransaction transaction, string userId, CancellationToken cancellationToken) =>
        MySqlFoodCardStore.ReadAccountAsync(connection, transaction, userId, forUpdate: true, cancellationToken);

    /// <summary>A locking read, so it sees an order committed by a transaction that held the card lock before us.</summary>
    private static async Task<bool> OrderExistsAsync(MySqlConnection connection, MySqlTransaction transaction, string userId, string orderKey, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(
            "SELECT id FROM product_orders WHERE user_id = @user AND order_key = @key FOR UPDATE", connection, transaction);
        command.Parameters.AddWithValue("@user", userId);
        command.Parameters.AddWithValue("@key", orderKey);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>The balance update is conditional on the version read under the lock, as every card write is; then the ledger row.</summary>
    private static async Task<long> DebitAsync(
        MySqlConnection connection, MySqlTransaction transaction, FoodCardAccount before, FoodCardAccount after, OrderPlacement placement,
        CancellationToken cancellationToken)
    {
        await using (var update = new MySqlCommand(
            "UPDATE foodcard_users SET balance = @balance, version = version + 1 WHERE user_id = @user AND version = @version",
            connection, transaction))
        {
            update.Parameters.AddWithValue("@balance", after.Balance);
            update.Parameters.AddWithValue("@user", before.UserId);
            update.Parameters.AddWithValue("@version", before.Version);
            if (await update.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new InvalidOperationException("The card row changed while it was locked.");
            }
        }
        await using var ledger = new MySqlCommand("""
            INSERT INTO foodcard_ledger (user_id, amount, balance_after, reason, idempotency_key)
            VALUES (@user, @amount, @balance, 'order', @key)
            """, connection, transaction);
        ledger.Parameters.AddWithValue("@user", before.UserId);
        ledger.Parameters.AddWithValue("@amount", -placement.Paid);
        ledger.Parameters.AddWithValue("@balance", after.Balance);
        ledger.Parameters.AddWithValue("@key", placement.LedgerKey);
        await ledger.ExecuteNonQueryAsync(cancellationToken);
        return ledger.LastInsertedId;
    }

    /// <summary>The numeric ids of the shop and menu rows; null when the catalog row is gone (the order keeps its copies).</summary>
    private static async Task<(int? Shop, int? Menu)> ResolveCatalogIdsAsync(MySqlConnection connection, MySqlTransaction transaction, OrderRequest request, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand("""
            SELECT s.id,
                   (SELECT m.id FROM menus m WHERE m.shop_id = s.id AND m.menu_name = @menu AND m.price = @price ORDER BY m.id LIMIT 1)
            FROM shops s WHERE s.shop_key = @shop
            """, connection, transaction);
        command.Parameters.AddWithValue("@shop", request.ShopId);
        command.Parameters.AddWithValue("@menu", request.MenuName);
        command.Parameters.AddWithValue("@price", request.UnitPrice);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (null, null);
        }
        return (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt32(1));
    }

    private static async Task<OrderReceipt?> FindAsync(MySqlConnection connection, MySqlTransaction? transaction, string userId, string orderKey, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand("""
            SELECT o.id, o.order_key, o.shop_key, o.menu_name, o.quantity, o.price, o.order_amount, o.discount_amount,
                   o.balance_after, o.created_at, w.id, w.coupon_id, c.coupon_name
            FROM product_orders o
            LEFT JOIN user_coupon_wallet w ON w.used_order_id = o.id
            LEFT JOIN coupons c ON c.id = w.coupon_id
            WHERE o.user_id = @user AND o.order_key = @key
            """, connection, transaction);
        command.Parameters.AddWithValue("@user", userId);
        command.Parameters.AddWithValue("@key", orderKey);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var paid = reader.GetInt32(5);
        return new OrderReceipt
        {
            OrderId = reader.GetInt64(0),
            OrderKey = reader.GetString(1),
            ShopId = reader.IsDBNull(2) ? "" : reader.GetString(2),
            MenuName = reader.IsDBNull(3) ? "" : reader.GetString(3),
            Quantity = reader.GetInt32(4),
            OrderAmount = reader.IsDBNull(6) ? paid : reader.GetInt32(6),
            Discount = reader.GetInt32(7),
            Paid = paid,
            BalanceAfter = reader.IsDBNull(8) ? 0 : reader.GetInt32(8),
            PlacedAt = MySqlCouponStore.Utc(reader.GetDateTime(9)),
            WalletCouponId = reader.IsDBNull(10) ? null : reader.GetInt64(10),
            CouponId = reader.IsDBNull(11) ? null : reader.GetString(11),
            CouponName = reader.IsDBNull(12) ? null : reader.GetString(12),
        };
    }
}
