using MySqlConnector;
using Naviyam.Cards;
using Naviyam.Orders;

namespace Naviyam.Infrastructure.MySql;

/// <summary>
/// Orders in <c>product_orders</c>. Placing one is a single transaction that first locks the card row (the lock
/// <c>foodcard_apply</c> takes too, so every spend of one card queues there), then re-checks the order key, the
/// card and the balance, debits the card (balance + ledger), stores the order and marks the coupon USED only if
/// it is still ACTIVE and unexpired. Any refusal rolls everything back; nothing is acknowledged before COMMIT.
/// Cancelling follows the same discipline: card row first, then the order row, then the refund, the status and the
/// coupon, in one transaction; the refund's unique ledger key makes a second refund of one order impossible.
/// </summary>
public sealed class MySqlOrderStore(MySqlDataSource dataSource) : IOrderStore
{
    /// <summary>
    /// Every order transaction first locks the user's card row, which serialises one user's orders, cancels and
    /// acceptances. Under REPEATABLE READ the existence check of an order key that is not there yet also locks the gap
    /// around it in the (user_id, order_key) index, and two users ordering at once then block each other's inserts into
    /// that gap: a deadlock (24 of 30 concurrent first orders of different users failed so). READ COMMITTED takes no such
    /// gap locks; the card row lock keeps each user's checks and writes consistent.
    /// </summary>
    private const System.Data.IsolationLevel PerUserIsolation = System.Data.IsolationLevel.ReadCommitted;

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
        await using var transaction = await connection.BeginTransactionAsync(PerUserIsolation, cancellationToken);

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
                                        price, order_amount, discount_amount, balance_after, foodcard_ledger_id, wallet_coupon_id)
            VALUES (@user, @key, @menu, @shop, @shopKey, @menuName, @now, @quantity, @paid, @amount, @discount, @balance, @ledger, @wallet)
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
            insert.Parameters.AddWithValue("@wallet", placement.Coupon?.WalletCouponId);
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

    public async Task<OrderReceipt?> FindLastAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand(
            $"{ReceiptSelect} WHERE o.user_id = @user AND o.order_key IS NOT NULL ORDER BY o.created_at DESC, o.id DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("@user", userId);
        return await ReadReceiptAsync(command, cancellationToken);
    }

    public async Task<OrderCommit> CancelAsync(OrderCancellation cancellation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(PerUserIsolation, cancellationToken);

        // The card row first, as checkout does: a cancel and an order of one card never interleave.
        var account = await LockCardAsync(connection, transaction, cancellation.UserId, cancellationToken);
        var order = await LockOrderAsync(connection, transaction, cancellation.UserId, cancellation.OrderKey, cancellationToken);
        if (order is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new OrderCommit(OrderResult.Refused(OrderErrors.UnknownOrder), account);
        }
        if (order.Status == OrderStatus.Cancelled)
        {
            await transaction.CommitAsync(cancellationToken);
            return new OrderCommit(OrderResult.Placed(order, duplicate: true), account);
        }
        if (order.Status == OrderStatus.Accepted)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new OrderCommit(OrderResult.Refused(OrderErrors.OrderAccepted), account);
        }
        if (OrderLifecycle.WindowPassed(order.PlacedAt, cancellation.Now, cancellation.CancelWindow))
        {
            // The window decides that the shop has it: the row says so from now on.
            await SetStatusAsync(connection, transaction, order.OrderId, OrderStatus.Accepted, order.PlacedAt + cancellation.CancelWindow, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new OrderCommit(OrderResult.Refused(OrderErrors.OrderAccepted), account);
        }
        if (account is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new OrderCommit(OrderResult.Refused(OrderErrors.NoCard), null);
        }

        long? refundId = null;
        var after = account;
        if (order.Paid > 0)
        {
            after = account with { Balance = account.Balance + order.Paid, Version = account.Version + 1 };
            refundId = await ChangeBalanceAsync(connection, transaction, account, after, "order_cancel", cancellation.LedgerKey, cancellationToken);
        }
        await using (var cancel = new MySqlCommand("""
            UPDATE product_orders
            SET status = 'CANCELLED', cancelled_at = @now, refund_ledger_id = @refund, balance_after_cancel = @balance
            WHERE id = @order AND status = 'PLACED'
            """, connection, transaction))
        {
            cancel.Parameters.AddWithValue("@now", cancellation.Now.UtcDateTime);
            cancel.Parameters.AddWithValue("@refund", refundId);
            cancel.Parameters.AddWithValue("@balance", after.Balance);
            cancel.Parameters.AddWithValue("@order", order.OrderId);
            if (await cancel.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw new InvalidOperationException("The order row changed while it was locked.");
            }
        }
        if (order.WalletCouponId is { } walletCouponId)
        {
            // Back to the wallet, or straight to EXPIRED when its time passed meanwhile; only the row this order used.
            await using var restore = new MySqlCommand("""
                UPDATE user_coupon_wallet
                SET status = IF(expiry_date IS NULL OR expiry_date > @now, 'ACTIVE', 'EXPIRED'), usage_date = NULL,
                    used_shop_id = NULL, used_menu_id = NULL, used_order_id = NULL, used_order_amount = NULL, discount_applied = NULL
                WHERE id = @wallet AND user_id = @user AND status = 'USED' AND used_order_id = @order
                """, connection, transaction);
            restore.Parameters.AddWithValue("@now", cancellation.Now.UtcDateTime);
            restore.Parameters.AddWithValue("@wallet", walletCouponId);
            restore.Parameters.AddWithValue("@user", cancellation.UserId);
            restore.Parameters.AddWithValue("@order", order.OrderId);
            await restore.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new OrderCommit(
            OrderResult.Placed(order with { Status = OrderStatus.Cancelled, CancelledAt = cancellation.Now, BalanceAfterCancel = after.Balance }),
            after);
    }

    public async Task<OrderResult> AcceptAsync(string userId, string orderKey, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(PerUserIsolation, cancellationToken);
        await LockCardAsync(connection, transaction, userId, cancellationToken);
        var order = await LockOrderAsync(connection, transaction, userId, orderKey, cancellationToken);
        if (order is null || order.Status == OrderStatus.Cancelled)
        {
            await transaction.RollbackAsync(cancellationToken);
            return OrderResult.Refused(order is null ? OrderErrors.UnknownOrder : OrderErrors.OrderCancelled);
        }
        if (order.Status == OrderStatus.Accepted)
        {
            await transaction.CommitAsync(cancellationToken);
            return OrderResult.Placed(order, duplicate: true);
        }
        await SetStatusAsync(connection, transaction, order.OrderId, OrderStatus.Accepted, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OrderResult.Placed(order with { Status = OrderStatus.Accepted, AcceptedAt = now });
    }

    /// <summary>
    /// The order's receipt, its row locked until the transaction ends. The lock is taken on the order row alone (a
    /// locking read of the joined query would lock the shared coupon definition too); the read after it sees the row as
    /// locked.
    /// </summary>
    private static async Task<OrderReceipt?> LockOrderAsync(MySqlConnection connection, MySqlTransaction transaction, string userId, string orderKey, CancellationToken cancellationToken) =>
        await OrderExistsAsync(connection, transaction, userId, orderKey, cancellationToken)
            ? await FindAsync(connection, transaction, userId, orderKey, cancellationToken)
            : null;

    private static async Task SetStatusAsync(MySqlConnection connection, MySqlTransaction transaction, long orderId, string status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(
            "UPDATE product_orders SET status = @status, accepted_at = @at WHERE id = @order AND status = 'PLACED'", connection, transaction);
        command.Parameters.AddWithValue("@status", status);
        command.Parameters.AddWithValue("@at", at.UtcDateTime);
        command.Parameters.AddWithValue("@order", orderId);
        await command.ExecuteNonQueryAsync(cancellationToken);
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
    private static Task<long> DebitAsync(
        MySqlConnection connection, MySqlTransaction transaction, FoodCardAccount before, FoodCardAccount after, OrderPlacement placement,
        CancellationToken cancellationToken) =>
        ChangeBalanceAsync(connection, transaction, before, after, "order", placement.LedgerKey, cancellationToken);

    private static async Task<long> ChangeBalanceAsync(
        MySqlConnection connection, MySqlTransaction transaction, FoodCardAccount before, FoodCardAccount after, string reason, string ledgerKey,
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
            VALUES (@user, @amount, @balance, @reason, @key)
            """, connection, transaction);
        ledger.Parameters.AddWithValue("@user", before.UserId);
        ledger.Parameters.AddWithValue("@amount", after.Balance - before.Balance);
        ledger.Parameters.AddWithValue("@balance", after.Balance);
        ledger.Parameters.AddWithValue("@reason", reason);
        ledger.Parameters.AddWithValue("@key", ledgerKey);
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

    private const string ReceiptSelect = """
        SELECT o.id, o.order_key, o.shop_key, o.menu_name, o.quantity, o.price, o.order_amount, o.discount_amount,
               o.balance_after, o.created_at, w.id, w.coupon_id, c.coupon_name, o.status, o.accepted_at, o.cancelled_at,
               o.balance_after_cancel
        FROM product_orders o
        LEFT JOIN user_coupon_wallet w ON w.id = o.wallet_coupon_id
        LEFT JOIN coupons c ON c.id = w.coupon_id
        """;

    private static async Task<OrderReceipt?> FindAsync(MySqlConnection connection, MySqlTransaction? transaction, string userId, string orderKey, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand($"{ReceiptSelect} WHERE o.user_id = @user AND o.order_key = @key", connection, transaction);
        command.Parameters.AddWithValue("@user", userId);
        command.Parameters.AddWithValue("@key", orderKey);
        return await ReadReceiptAsync(command, cancellationToken);
    }

    private static async Task<OrderReceipt?> ReadReceiptAsync(MySqlCommand command, CancellationToken cancellationToken)
    {
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
            Status = reader.GetString(13),
            AcceptedAt = reader.IsDBNull(14) ? null : MySqlCouponStore.Utc(reader.GetDateTime(14)),
            CancelledAt = reader.IsDBNull(15) ? null : MySqlCouponStore.Utc(reader.GetDateTime(15)),
            BalanceAfterCancel = reader.IsDBNull(16) ? null : reader.GetInt32(16),
        };
    }
}
