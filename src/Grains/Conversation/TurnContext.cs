using Naviyam.Cards;
using Naviyam.Coupons;
using Naviyam.Profiles;

namespace Naviyam.Conversation;

/// <summary>What the product knows about the user at the start of a turn: their profile, their card and their usable coupons.</summary>
public sealed record TurnContext(UserProfile Profile, FoodCardSummary Card, IReadOnlyList<WalletCoupon> Wallet);
