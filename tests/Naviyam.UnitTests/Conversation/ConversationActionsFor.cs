using Microsoft.Extensions.Options;
using Naviyam.Catalog;
using Naviyam.Conversation;
using Naviyam.Orders;
using Naviyam.Time;

namespace Naviyam.UnitTests.Conversation;

/// <summary>The actions stage over a hand-made catalog, with the team's real phrase files and a stopped clock.</summary>
internal static class ConversationActionsFor
{
    public static ConversationActions Catalog(IShopCatalog catalog, DateTimeOffset now, ICardCheckout checkout)
    {
        var clock = new SeoulClock(new StoppedClock(now));
        return new ConversationActions(
            new Refusals(TestLexicons.Refusals, TestLexicons.Foods),
            new FollowUps(TestLexicons.FollowUpPhrases),
            new CardRequests(TestLexicons.Card),
            new ChatOrders(checkout, catalog, clock, Options.Create(new OrderOptions())),
            catalog,
            clock);
    }
}

/// <summary>A checkout for tests that must never reach one: every call fails the test.</summary>
internal sealed class RefusingCheckout : ICardCheckout
{
    public Task<OrderResult> PlaceAsync(string userId, OrderRequest request) =>
        throw new InvalidOperationException("This test places no order.");

    public Task<OrderResult> CancelLastAsync(string userId) =>
        throw new InvalidOperationException("This test cancels no order.");
}
