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

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        File.Exists(ChromiumPath).Should().BeTrue($"the browser tests need Debian's chromium at {ChromiumPath} (apt-get install chromium)");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    [Fact]
    public async Task A_child_signs_in_asks_and_sees_real_meals_within_budget()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
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

    [Fact]
    public async Task A_child_who_shares_their_location_gets_shops_near_it()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        // Somewhere in the generated city (신림역), granted the way a phone's browser would after the child says yes.
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Geolocation = new Geolocation { Latitude = 37.4842f, Longitude = 126.9297f },
            Permissions = ["geolocation"],
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync(factory.BaseAddress.ToString());
        await page.FillAsync("#userId", "browser-located");
        await page.ClickAsync("#signin button[type=submit]");
        await page.WaitForSelectorAsync("#text:not([disabled])");
        await page.CheckAsync("#shareLocation");
        await page.WaitForFunctionAsync("() => state.location !== null"); // the first position arrives asynchronously
        await page.FillAsync("#text", "근처에 떡볶이 먹을 데");
        await page.ClickAsync("#send");
        var answer = await page.WaitForSelectorAsync("#messages li.bot", new() { Timeout = 30_000 });

        var text = await answer!.InnerTextAsync();
        text.Should().MatchRegex(@"\d+m|km", "shops are listed with their distance from the shared location");
        text.Should().NotContain("어디 근처인지", "the bot must not ask for a location it was given");
    }
}
