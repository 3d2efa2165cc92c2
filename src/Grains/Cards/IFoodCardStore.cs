namespace Naviyam.Cards;

/// <summary>
/// Where meal cards are stored for good: <c>foodcard_users</c> plus its append-only ledger, or memory on the
/// embedded default. Changes are conditional on the version the caller read, so two writers never both win.
/// </summary>
public interface IFoodCardStore
{
    Task<FoodCardAccount?> LoadAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a signed amount if the stored version still equals <paramref name="expectedVersion"/> and the
    /// idempotency key is new. Returns the account as stored afterwards, and whether this call applied it.
    /// </summary>
    Task<(FoodCardAccount Account, bool Applied)> ApplyAsync(
        string userId, int signedAmount, string idempotencyKey, string reason, long expectedVersion,
        CancellationToken cancellationToken = default);

    Task UpsertAccountsAsync(IEnumerable<FoodCardAccount> accounts, CancellationToken cancellationToken = default);
}
