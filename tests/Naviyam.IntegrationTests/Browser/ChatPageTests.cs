using Microsoft.Playwright;
using Naviyam.IntegrationTests.Api;

namespace Naviyam.IntegrationTests.Browser;

/// <summary>
/// The chat page in a real headless Chromium (Debian's, installed by .ci/run): sign in, send a message over the
/// SignalR browser client restored from npm, read the answer.
/// </summary>
public class ChatPageTests(GeneratedCityFactory factory) : IClassFixture<GeneratedCityFactory>
{
    private const string ChromiumPath = "/usr/lib/chromium/chromium";

    [Fact]
    public async Task A_child_signs_in_asks_and_sees_real_meals_within_budget()
    {
        File.Exists(ChromiumPath).Should().BeTrue($"the browser test needs Debian's chromium at {ChromiumPath} (apt-get install chromium)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();

        await page.GotoAsync(factory.BaseAddress.ToString());
        await page.FillAsync("#userId", "browser-kid");
        await page.ClickAsync("#signin button[type=submit]");
        await page.WaitForSelectorAsync("#text:not([disabled])");
        await page.FillAsync("#text", "배고픈데 5천원밖에 없어");
        await page.ClickAsync("#send");
        var answer = await page.WaitForSelectorAsync("#messages li.bot", new() { Timeout = 30_000 });

        var text = await answer!.InnerTextAsync();
        text.Should().Contain("원");
        (await page.Locator("#messages li.bot .card").CountAsync()).Should().BeGreaterThan(0, "the reply lists the recommended shops");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "chat-page.png") });
    }
}
