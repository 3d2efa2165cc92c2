using Microsoft.Extensions.Logging;

namespace Naviyam.Cards;

/// <summary>
/// The only writer of a card's balance. Orleans runs one call at a time per grain, and the store applies a
/// change only against the version read, so a balance can neither be double-spent nor lost.
/// </summary>
public sealed class FoodCardGrain(IFoodCardStore store, ILogger<FoodCardGrain> logger) : Grain, IFoodCardGrain
{
    private FoodCardAccount? account;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        account = await store.LoadAsync(this.GetPrimaryKeyString(), cancellationToken);
    }

    Task<FoodCardSummary> IFoodCardGrain.GetSummaryAsync() => Task.FromResult(account is null
        ? FoodCardSummary.NoCard
        : new FoodCardSummary(true, account.Balance, account.Status, account.TargetAgeGroup));

    Task<CardOperationResult> IFoodCardGrain.DebitAsync(int amount, string idempotencyKey, string reason) =>
        ApplyAsync(-amount, amount, idempotencyKey, reason);

    Task<CardOperationResult> IFoodCardGrain.CreditAsync(int amount, string idempotencyKey, string reason) =>
        ApplyAsync(amount, amount, idempotencyKey, reason);

    private async Task<CardOperationResult> ApplyAsync(int signedAmount, int amount, string idempotencyKey, string reason)
    {
        if (amount <= 0)
        {
            return new CardOperationResult(false, account?.Balance ?? 0, "amount_must_be_positive");
        }
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 64)
        {
            return new CardOperationResult(false, account?.Balance ?? 0, "invalid_idempotency_key");
        }
        if (account is null)
        {
            return new CardOperationResult(false, 0, "no_card");
        }
        if (account.Status != "ACTIVE")
        {
            return new CardOperationResult(false, account.Balance, "card_inactive");
        }
        if (account.Balance + signedAmount < 0)
        {
            return new CardOperationResult(false, account.Balance, "insufficient_balance");
        }

        var (stored, applied) = await store.ApplyAsync(account.UserId, signedAmount, idempotencyKey, reason, account.Version);
        account = stored;
        // Amounts and balances stay out of logs: only the outcome is recorded.
        logger.LogInformation("Card operation {Reason} for {User}: {Outcome}", reason, account.UserId, applied ? "applied" : "duplicate");
        return new CardOperationResult(applied, stored.Balance, applied ? null : "duplicate");
    }
}
