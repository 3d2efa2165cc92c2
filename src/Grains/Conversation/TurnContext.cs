using Naviyam.Cards;
using Naviyam.Coupons;
using Naviyam.Profiles;
using Microsoft.Extensions.Logging;

namespace Naviyam.Conversation;

/// <summary>What the product knows about the user at the start of a turn: their profile, their card and their usable coupons.</summary>
public sealed record TurnContext(UserProfile Profile, FoodCardSummary Card, IReadOnlyList<WalletCoupon> Wallet)
{
    /// <summary>The parts read as empty because their grain did not answer (<c>profile</c>, <c>card</c>, <c>wallet</c>).</summary>
    public IReadOnlyList<string> Degraded { get; init; } = [];
}

/// <summary>The context stage: where a turn reads what is known about its user.</summary>
public interface ITurnContextSource
{
    Task<TurnContext> GetAsync(string userId);
}

/// <summary>
/// Reads the user's <c>ProfileGrain</c>, <c>FoodCardGrain</c> and <c>CouponWalletGrain</c> in parallel. A part that fails
/// or takes longer than <see cref="PartTimeout"/> (its silo just died, its database is out) is read as empty and named
/// in <see cref="TurnContext.Degraded"/>: the turn goes on and says so, instead of failing the whole session.
/// </summary>
public sealed class GrainTurnContextSource(IGrainFactory grains, ILogger<GrainTurnContextSource> logger) : ITurnContextSource
{
    /// <summary>A context read takes well under a millisecond; two seconds covers a busy silo, not a dead one.</summary>
    public static readonly TimeSpan PartTimeout = TimeSpan.FromSeconds(2);

    public async Task<TurnContext> GetAsync(string userId)
    {
        var profile = ReadAsync("profile", userId, grains.GetGrain<IProfileGrain>(userId).GetAsync(), UserProfile.Empty);
        var card = ReadAsync("card", userId, grains.GetGrain<IFoodCardGrain>(userId).GetSummaryAsync(), FoodCardSummary.NoCard);
        var wallet = ReadAsync<IReadOnlyList<WalletCoupon>>("wallet", userId, grains.GetGrain<ICouponWalletGrain>(userId).GetActiveAsync(), []);
        var (p, c, w) = (await profile, await card, await wallet);
        var missing = new List<string>();
        foreach (var (name, isMissing) in new[] { (p.Name, p.Missing), (c.Name, c.Missing), (w.Name, w.Missing) })
        {
            if (isMissing)
            {
                missing.Add(name);
            }
        }
        return new TurnContext(p.Value, c.Value, w.Value) { Degraded = missing };
    }

    private async Task<(string Name, T Value, bool Missing)> ReadAsync<T>(string name, string userId, Task<T> read, T empty)
    {
        try
        {
            return (name, await read.WaitAsync(PartTimeout), false);
        }
        catch (Exception ex)
        {
            // Deliberately broad: whatever keeps this part from answering, the turn is better served without it.
            logger.LogWarning("Turn context of {User} goes on without its {Part}: {Error}", userId, name, ex.GetType().Name);
            return (name, empty, true);
        }
    }
}
