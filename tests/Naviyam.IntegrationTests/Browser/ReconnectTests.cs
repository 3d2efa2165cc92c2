using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Browser;

/// <summary>
/// The gateway goes away under an open page and comes back on the same address: the page says it is reconnecting,
/// then that it is back (the SignalR client's automatic reconnect, signing in again with the new gateway's key), and
/// the next message is answered.
/// </summary>
public class ReconnectTests
{
    private static readonly DateTime Noon = new(2025, 9, 3, 12, 0, 0);

    [Fact]
    public async Task The_page_reconnects_by_itself_after_the_gateway_restarts()
    {
        var port = Loopback.FreePort();
        await using var browser = await BrowserSession.OpenAsync();
        Uri address;
        await using (var first = new FixedPortGatewayFactory(port))
        {
            address = first.BaseAddress;
            await browser.SignInAsync(address, "demo-3");
            await browser.AskAsync("떡볶이 먹고 싶어");
        }

        await browser.Page.Locator("#status.reconnecting").WaitForAsync();
        (await browser.Page.Locator("#text").IsDisabledAsync()).Should().BeTrue("nothing can be sent while the connection is away");
        await browser.ScreenshotAsync("chat-page-reconnecting");

        await using var second = new FixedPortGatewayFactory(port);
        second.BaseAddress.Should().Be(address);
        await browser.Page.Locator("#status.online").WaitForAsync(new() { Timeout = 60_000 });
        (await browser.Page.Locator("#status").InnerTextAsync()).Should().Contain("다시 연결됐어요");

        var reply = await browser.AskAsync("김밥 먹고 싶어");
        (await reply.Locator("article.card").CountAsync()).Should().BeGreaterThan(0);
    }

    /// <summary>A small generated city on a port chosen by the test, so a second gateway can take the first one's place.</summary>
    private sealed class FixedPortGatewayFactory : GatewayFactory
    {
        public FixedPortGatewayFactory(int port)
            : base(Noon, new Dictionary<string, string?>
            {
                ["Naviyam:Data:GenerateShops"] = "400",
                ["Naviyam:Data:GenerateUsers"] = "5",
            }) =>
            UseKestrel(port);
    }
}
