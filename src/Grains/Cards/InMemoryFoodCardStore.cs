using System.Collections.Concurrent;

namespace Naviyam.Cards;

/// <summary>The embedded default's meal cards: in memory, lost on restart like the rest of that mode.</summary>
public sealed class InMemoryFoodCardStore : IFoodCardStore
{
    private readonly ConcurrentDictionary<string, FoodCardAccount> accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> appliedKeys = new(StringComparer.Ordinal);

    /// <summary>Also taken by the in-memory order store, so an order's debit is atomic with its other writes.</summary>
    internal Lock WriteLock { get; } = new();

    public Task<FoodCardAccount?> LoadAsync(string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(accounts.TryGetValue(userId, out var account) ? account : null);

    public Task<(FoodCardAccount Account, bool Applied)> ApplyAsync(
        string userId, int signedAmount, string idempotencyKey, string reason, long expectedVersion,
        CancellationToken cancellationToken = default)
    {
        lock (WriteLock)
        {
            var account = accounts.TryGetValue(userId, out var stored)
                ? stored
                : throw new InvalidOperationException("No meal card is registered for this user.");
            if (appliedKeys.ContainsKey($"{userId}/{idempotencyKey}") || account.Version != expectedVersion)
            {
                return Task.FromResult((account, false));
            }
            var updated = account with { Balance = account.Balance + signedAmount, Version = account.Version + 1 };
            accounts[userId] = updated;
            appliedKeys[$"{userId}/{idempotencyKey}"] = 0;
            return Task.FromResult((updated, true));
        }
    }

    /// <summary>The account as stored; the caller holds <see cref="WriteLock"/>.</summary>
    internal FoodCardAccount? FindLocked(string userId) => accounts.GetValueOrDefault(userId);

    /// <summary>Applies a checked change; the caller holds <see cref="WriteLock"/> and has checked the balance and key.</summary>
    internal FoodCardAccount ApplyLocked(FoodCardAccount account, int signedAmount, string idempotencyKey)
    {
        var updated = account with { Balance = account.Balance + signedAmount, Version = account.Version + 1 };
        accounts[account.UserId] = updated;
        appliedKeys[$"{account.UserId}/{idempotencyKey}"] = 0;
        return updated;
    }

    public Task UpsertAccountsAsync(IEnumerable<FoodCardAccount> incoming, CancellationToken cancellationToken = default)
    {
        foreach (var account in incoming)
        {
            accounts[account.UserId] = account;
        }
        return Task.CompletedTask;
    }
}
