namespace Naviyam.Orders;

/// <summary>
/// The rule of an order's life (<see cref="OrderStatus"/>), shared by both stores and the card grain: PLACED → ACCEPTED
/// (by an operator, or by the cancel window passing) or PLACED → CANCELLED; nothing leaves ACCEPTED or CANCELLED.
/// </summary>
public static class OrderLifecycle
{
    /// <summary>Whether a PLACED order's cancel window has passed, so that it counts as accepted.</summary>
    public static bool WindowPassed(DateTimeOffset placedAt, DateTimeOffset now, TimeSpan cancelWindow) => now >= placedAt + cancelWindow;

    /// <summary>The receipt as it stands at <paramref name="now"/>: a PLACED order past its window reads as ACCEPTED.</summary>
    public static OrderReceipt AsOf(OrderReceipt receipt, DateTimeOffset now, TimeSpan cancelWindow)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.Status != OrderStatus.Placed)
        {
            return receipt with { CancellableUntil = null };
        }
        var until = receipt.PlacedAt + cancelWindow;
        return now >= until
            ? receipt with { Status = OrderStatus.Accepted, AcceptedAt = until, CancellableUntil = null }
            : receipt with { CancellableUntil = until };
    }
}
