using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Naviyam.Cards;
using Naviyam.Coupons;
using Naviyam.Gateway.Auth;
using Naviyam.Gateway.Resilience;
using Naviyam.Gateway.Validation;
using Naviyam.Orders;

namespace Naviyam.Gateway.Me;

/// <summary>
/// The signed-in user's own card, coupons and orders. Every route is under <c>/api/me</c> and takes the user from the
/// token's subject only, so no request can name, read or spend another user's card or coupons.
/// </summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").RequireAuthorization().AddEndpointFilter<ResilienceEndpointFilter>();
        me.MapGet("/card", GetCardAsync);
        me.MapGet("/coupons", GetCouponsAsync);
        me.MapPost("/orders", PlaceOrderAsync);
        me.MapGet("/orders/{orderKey}", GetOrderAsync);
        me.MapPost("/orders/{orderKey}/cancel", CancelOrderAsync);
        me.MapPost("/feedback", FeedbackApi.SendAsync);
        return app;
    }

    /// <summary>The token user's meal card: whether there is one, its balance and status (never its number).</summary>
    public static async Task<Ok<CardDto>> GetCardAsync([AsParameters] MeServices me)
    {
        var card = await me.Card.GetSummaryAsync();
        return TypedResults.Ok(new CardDto(card.HasCard, card.Balance, card.Status, card.TargetAgeGroup));
    }

    /// <summary>The token user's usable coupons, soonest expiry first.</summary>
    public static async Task<Ok<WalletView>> GetCouponsAsync([AsParameters] MeServices me)
    {
        var coupons = await me.Wallet.GetActiveAsync();
        return TypedResults.Ok(new WalletView([.. coupons.Select(WalletCouponDto.From)]));
    }

    /// <summary>Pays for a meal with the card (201 with the receipt; the same order key again: 200 with the first receipt).</summary>
    public static async Task<Results<Created<ReceiptDto>, Ok<ReceiptDto>, ValidationProblem, ProblemHttpResult>> PlaceOrderAsync(
        OrderBody body, [AsParameters] MeServices me)
    {
        var order = OrderInputRules.Validate(body);
        if (!order.IsValid)
        {
            return order.Errors.ToValidationProblem();
        }
        var result = await me.Card.PlaceOrderAsync(order.Value);
        if (result.Receipt is { } receipt)
        {
            var dto = ReceiptDto.From(receipt, result.Duplicate);
            // A replayed order key answers with the first receipt; only the first placement creates anything.
            return result.Duplicate ? TypedResults.Ok(dto) : TypedResults.Created(OrderPath(receipt.OrderKey), dto);
        }
        return Refusal(result.Error ?? OrderErrors.InvalidInput);
    }

    /// <summary>An order of the token user with its status now (PLACED, ACCEPTED, CANCELLED); 404 for another user's key too.</summary>
    public static async Task<Results<Ok<ReceiptDto>, ValidationProblem, ProblemHttpResult>> GetOrderAsync(string orderKey, [AsParameters] MeServices me)
    {
        if (!InputIds.IsValid(orderKey))
        {
            return InvalidKey();
        }
        return await me.Card.GetOrderAsync(orderKey) is { } receipt
            ? TypedResults.Ok(ReceiptDto.From(receipt, replayed: false))
            : Refusal(OrderErrors.UnknownOrder);
    }

    /// <summary>
    /// Takes back an order the shop has not accepted: 200 with the receipt (status CANCELLED, the refund in
    /// <c>refunded</c>, the balance after it); the same cancel again answers 200 with that receipt (<c>replayed</c>) and
    /// gives nothing back twice; 409 <c>order_accepted</c> once the shop has it; 404 <c>unknown_order</c>.
    /// </summary>
    public static async Task<Results<Ok<ReceiptDto>, ValidationProblem, ProblemHttpResult>> CancelOrderAsync(string orderKey, [AsParameters] MeServices me)
    {
        if (!InputIds.IsValid(orderKey))
        {
            return InvalidKey();
        }
        var result = await me.Card.CancelOrderAsync(orderKey);
        return result.Receipt is { } receipt
            ? TypedResults.Ok(ReceiptDto.From(receipt, result.Duplicate))
            : Refusal(result.Error ?? OrderErrors.InvalidInput);
    }

    private static string OrderPath(string orderKey) => $"/api/me/orders/{Uri.EscapeDataString(orderKey)}";

    private static ValidationProblem InvalidKey() =>
        new InputErrors(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["orderKey"] = [InputIds.Rule("orderKey")] }).ToValidationProblem();

    /// <summary>A refused order as problem+json: a Korean explanation for the child and a stable machine code.</summary>
    internal static ProblemHttpResult Refusal(string code)
    {
        var (status, detail) = code switch
        {
            OrderErrors.InsufficientBalance => (StatusCodes.Status422UnprocessableEntity, "급식카드 잔액이 모자라요. 조금 더 저렴한 메뉴를 골라 볼까요?"),
            OrderErrors.NoCard => (StatusCodes.Status422UnprocessableEntity, "등록된 급식카드가 없어요. 카드를 먼저 등록해 주세요."),
            OrderErrors.CardNotAccepted => (StatusCodes.Status422UnprocessableEntity, "이 가게에서는 급식카드로 결제할 수 없어요. 다른 가게를 골라 볼까요?"),
            OrderErrors.CardInactive => (StatusCodes.Status409Conflict, "지금은 급식카드를 쓸 수 없는 상태예요. 카드 상태를 확인해 주세요."),
            OrderErrors.CouponNotUsable => (StatusCodes.Status409Conflict, "이 쿠폰은 이 주문에 쓸 수 없어요. 이미 썼거나 기간이 지났거나, 이 가게나 금액에는 적용되지 않아요."),
            OrderErrors.MenuUnavailable => (StatusCodes.Status409Conflict, "메뉴나 가격이 바뀌었어요. 가게 메뉴를 다시 확인해 주세요."),
            OrderErrors.AlcoholNotAllowed => (StatusCodes.Status422UnprocessableEntity, "술은 급식카드로 살 수 없어요. 밥 메뉴를 골라 주세요."),
            OrderErrors.NotAMeal => (StatusCodes.Status422UnprocessableEntity, "급식카드는 식사를 위한 카드라서 음료나 추가 메뉴만 따로 살 수는 없어요."),
            OrderErrors.OrderAccepted => (StatusCodes.Status409Conflict, "가게에서 이미 주문을 받아서 취소할 수 없어요. 가게에 직접 말해 주세요."),
            OrderErrors.UnknownOrder => (StatusCodes.Status404NotFound, "그런 주문이 없어요. 주문 번호를 다시 확인해 주세요."),
            OrderErrors.OrderCancelled => (StatusCodes.Status409Conflict, "이미 취소된 주문이라 받을 수 없어요."),
            _ => (StatusCodes.Status400BadRequest, "주문 내용을 다시 확인해 주세요."),
        };
        return TypedResults.Problem(statusCode: status, title: status == StatusCodes.Status404NotFound ? "Order not found" : "Order refused", detail: detail,
            extensions: new Dictionary<string, object?> { ["code"] = code });
    }
}

/// <summary>What every <c>/api/me</c> handler needs: the caller (the token's subject) and the grains of their card and wallet.</summary>
public sealed record MeServices(ClaimsPrincipal User, IGrainFactory Grains)
{
    public IFoodCardGrain Card => Grains.GetGrain<IFoodCardGrain>(User.RequireUserId());

    public ICouponWalletGrain Wallet => Grains.GetGrain<ICouponWalletGrain>(User.RequireUserId());
}
