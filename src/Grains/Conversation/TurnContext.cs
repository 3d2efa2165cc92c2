using Naviyam.Cards;
using Naviyam.Coupons;
using Naviyam.Profiles;

namespace Naviyam.Conversation;

/// <summary>What the product knows about the user at the start of a turn: their profile, their card and their usable coupons.</summary>
public sealed record TurnContext(UserProfile Profile, FoodCardSummary Card, IReadOnlyList<WalletCoupon> Wallet);

/// <summary>The context stage: where a turn reads what is known about its user.</summary>
public interface ITurnContextSource
{
    Task<TurnContext> GetAsync(string userId);
}

/// <summary>Reads the user's <c>ProfileGrain</c>, <c>FoodCardGrain</c> and <c>CouponWalletGrain</c> in parallel.</summary>
public sealed class GrainTurnContextSource(IGrainFactory grains) : ITurnContextSource
{
    public async Task<TurnContext> GetAsync(string userId)
    {
        var profile = grains.GetGrain<IProfileGrain>(userId).GetAsync();
        var card = grains.GetGrain<IFoodCardGrain>(userId).GetSummaryAsync();
        var wallet = grains.GetGrain<ICouponWalletGrain>(userId).GetActiveAsync();
        return new TurnContext(await profile, await card, await wallet);
    }
}
