using MySqlConnector;
using Naviyam.Cards;

namespace Naviyam.Infrastructure.MySql;

/// <summary>
/// Meal cards in <c>foodcard_users</c> with the append-only <c>foodcard_ledger</c>. Every change goes through the
/// <c>foodcard_apply</c> procedure, which locks the card row, refuses a reused idempotency key and an overdraft,
/// and writes balance and ledger in one transaction.
/// </summary>
public sealed class MySqlFoodCardStore(MySqlDataSource dataSource) : IFoodCardStore
{
    public async Task<FoodCardAccount?> LoadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAccountAsync(connection, transaction: null, userId, forUpdate: false, cancellationToken);
    }

    /// <summary>Reads a card row; <paramref name="forUpdate"/> locks it until the transaction ends.</summary>
    internal static async Task<FoodCardAccount?> ReadAccountAsync(
        MySqlConnection connection, MySqlTransaction? transaction, string userId, bool forUpdate, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(
            "SELECT card_number, balance, status, target_age_group, synthetic, version FROM foodcard_users WHERE user_id = @user"
            + (forUpdate ? " FOR UPDATE" : ""),
            connection, transaction);
        command.Parameters.AddWithValue("@user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new FoodCardAccount
        {
            UserId = userId,
            CardNumber = reader.GetString(0),
            Balance = reader.GetInt32(1),
            Status = reader.GetString(2),
            TargetAgeGroup = reader.IsDBNull(3) ? null : reader.GetString(3),
            Synthetic = reader.GetBoolean(4),
            Version = reader.GetInt64(5),
        };
    }

    public async Task<(FoodCardAccount Account, bool Applied)> ApplyAsync(
        string userId, int signedAmount, string idempotencyKey, string reason, long expectedVersion,
        CancellationToken cancellationToken = default)
    {
        bool applied;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var command = new MySqlCommand("CALL foodcard_apply(@user, @amount, @key, @reason)", connection))
        {
            command.Parameters.AddWithValue("@user", userId);
            command.Parameters.AddWithValue("@amount", signedAmount);
            command.Parameters.AddWithValue("@key", idempotencyKey);
            command.Parameters.AddWithValue("@reason", reason);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            // A replayed key reports success without applying again: for the caller it is a duplicate.
            applied = reader.GetInt32(0) == 1 && reader.GetInt32(3) == 0;
        }
        var account = await LoadAsync(userId, cancellationToken)
            ?? throw new InvalidOperationException("No meal card is registered for this user.");
        return (account, applied);
    }

    public async Task UpsertAccountsAsync(IEnumerable<FoodCardAccount> accounts, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        foreach (var batch in accounts.Chunk(500))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            foreach (var account in batch)
            {
                await using var command = new MySqlCommand("""
                    INSERT INTO users (user_id, synthetic) VALUES (@user, @synthetic)
                        ON DUPLICATE KEY UPDATE synthetic = VALUES(synthetic);
                    INSERT INTO foodcard_users (user_id, card_number, balance, status, target_age_group, synthetic)
                        VALUES (@user, @card, @balance, @status, @group, @synthetic)
                        ON DUPLICATE KEY UPDATE card_number = VALUES(card_number), status = VALUES(status),
                            target_age_group = VALUES(target_age_group), synthetic = VALUES(synthetic);
                    """, connection, transaction);
                command.Parameters.AddWithValue("@user", account.UserId);
                command.Parameters.AddWithValue("@card", account.CardNumber);
                command.Parameters.AddWithValue("@balance", account.Balance);
                command.Parameters.AddWithValue("@status", account.Status);
                command.Parameters.AddWithValue("@group", account.TargetAgeGroup);
                command.Parameters.AddWithValue("@synthetic", account.Synthetic);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
