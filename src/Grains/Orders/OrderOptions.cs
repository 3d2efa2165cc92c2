using System.ComponentModel.DataAnnotations;

namespace Naviyam.Orders;

/// <summary>Bound from <c>Naviyam:Orders</c>: how long an order may be cancelled and a chat proposal stays open.</summary>
public sealed class OrderOptions
{
    public const string Section = "Naviyam:Orders";

    /// <summary>
    /// An order still PLACED this long after it was placed counts as accepted by the shop (which will have started
    /// cooking) and can no longer be cancelled. Until shops accept orders in an app, this window is what "the shop has not
    /// accepted it yet" means; an operator may accept an order earlier.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CancelWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a "…로 주문할까요?" in the chat waits for its "응" before it must be asked again.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan ConfirmWithin { get; set; } = TimeSpan.FromMinutes(10);
}
