using Naviyam.Gateway.Validation;
using Naviyam.Orders;

namespace Naviyam.Gateway.Me;

public static class OrderInputRules
{
    /// <summary>The order an order body asks for, or every problem with it by field.</summary>
    public static Validated<OrderRequest> Validate(OrderBody? body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body is null)
        {
            errors["body"] = ["A JSON body is required."];
            return Validated<OrderRequest>.Invalid(new InputErrors(errors));
        }
        if (!InputIds.IsValid(body.OrderKey))
        {
            errors["orderKey"] = [InputIds.Rule("orderKey")];
        }
        if (string.IsNullOrWhiteSpace(body.ShopId) || body.ShopId.Length > 200)
        {
            errors["shopId"] = ["shopId must be a shop id such as \"generated:12\"."];
        }
        if (string.IsNullOrWhiteSpace(body.MenuName) || body.MenuName.Length > 200)
        {
            errors["menuName"] = ["menuName must be 1–200 characters."];
        }
        if (body.Quantity is < 1 or > OrderRequest.MaxQuantity)
        {
            errors["quantity"] = [$"quantity must be between 1 and {OrderRequest.MaxQuantity}."];
        }
        if (body.UnitPrice is null or <= 0 or > 1_000_000)
        {
            errors["unitPrice"] = ["unitPrice must be the menu's price in won (1–1,000,000)."];
        }
        if (body.WalletCouponId is <= 0)
        {
            errors["walletCouponId"] = ["walletCouponId must be the id of a coupon in your wallet."];
        }
        return Validated<OrderRequest>.From(errors, () =>
            new OrderRequest(body.OrderKey!, body.ShopId!, body.MenuName!, body.Quantity ?? 1, body.UnitPrice!.Value, body.WalletCouponId));
    }
}
