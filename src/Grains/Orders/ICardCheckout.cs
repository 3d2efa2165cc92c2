using Naviyam.Cards;

namespace Naviyam.Orders;

/// <summary>
/// The checkout the chat uses: the user's <c>FoodCardGrain</c>, the same calls <c>POST /api/me/orders</c> and its cancel
/// make, so an order placed in the chat is the same order, paid and cancelled the same way.
/// </summary>
public interface ICardCheckout
{
    Task<OrderResult> PlaceAsync(string userId, OrderRequest request);

    Task<OrderResult> CancelLastAsync(string userId);
}

public sealed class GrainCardCheckout(IGrainFactory grains) : ICardCheckout
{
    public Task<OrderResult> PlaceAsync(string userId, OrderRequest request) =>
        grains.GetGrain<IFoodCardGrain>(userId).PlaceOrderAsync(request);

    public Task<OrderResult> CancelLastAsync(string userId) =>
        grains.GetGrain<IFoodCardGrain>(userId).CancelLastOrderAsync();
}
