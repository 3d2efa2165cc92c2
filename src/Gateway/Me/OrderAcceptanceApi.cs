using Microsoft.AspNetCore.Http.HttpResults;
using Naviyam.Cards;
using Naviyam.Gateway.Operators;
using Naviyam.Gateway.Validation;
using Naviyam.Orders;

namespace Naviyam.Gateway.Me;

/// <summary>
/// The shop's side of an order, until shops have an app of their own: an operator marks an order accepted, after which
/// the user can no longer cancel it. Only tokens with the operator role may call it.
/// </summary>
public static class OrderAcceptanceApi
{
    public static IEndpointRouteBuilder MapOrderAcceptanceApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/operator/orders/{userId}/{orderKey}/accept", AcceptAsync).RequireOperator().AddEndpointFilter<Naviyam.Gateway.Resilience.ResilienceEndpointFilter>();
        return app;
    }

    /// <summary>200 with the receipt (ACCEPTED; again for an accepted order), 409 <c>order_cancelled</c>, 404 <c>unknown_order</c>.</summary>
    public static async Task<Results<Ok<ReceiptDto>, ValidationProblem, ProblemHttpResult>> AcceptAsync(string userId, string orderKey, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!InputIds.IsValid(userId))
        {
            errors["userId"] = [InputIds.Rule("userId")];
        }
        if (!InputIds.IsValid(orderKey))
        {
            errors["orderKey"] = [InputIds.Rule("orderKey")];
        }
        if (errors.Count > 0)
        {
            return new InputErrors(errors).ToValidationProblem();
        }
        var result = await grains.GetGrain<IFoodCardGrain>(userId).AcceptOrderAsync(orderKey);
        return result.Receipt is { } receipt
            ? TypedResults.Ok(ReceiptDto.From(receipt, result.Duplicate))
            : MeApi.Refusal(result.Error ?? OrderErrors.InvalidInput);
    }
}
