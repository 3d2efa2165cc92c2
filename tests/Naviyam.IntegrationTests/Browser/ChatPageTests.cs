using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Naviyam.IntegrationTests.Api;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Browser;

/// <summary>
/// The chat page in a real headless Chromium against the real gateway: sign in, a streamed reply over the SignalR
/// browser client restored from npm, the picks as cards, the buttons and chips, the wallet, headers and form rules.
/// </summary>
public partial class ChatPageTests(GeneratedCityFactory factory) : IClassFixture<GeneratedCityFactory>
{
    [Fact]
    public async Task A_child_asks_and_sees_the_reply_streamed_once_with_its_picks_as_cards()
    {
        // A phone's screen: the page is made for children on theirs.
        await using var browser = await BrowserSession.OpenAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 412, Height = 915 } });
        await browser.SignInAsync(factory.BaseAddress, "demo-1");

        var reply = await browser.AskAsync("배고픈데 5천원밖에 없어");

        (await reply.GetAttributeAsync("data-chunks")).Should().NotBeNull("the reply arrives over the hub's stream, in pieces");
        int.Parse((await reply.GetAttributeAsync("data-chunks"))!, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(1);
        var text = string.Join("\n", await reply.Locator("p.text").AllInnerTextsAsync());
        text.Should().Contain("5,000원");
        NumberedLine().IsMatch(text).Should().BeFalse("the picks are shown as cards, not a second time as numbered lines of text");

        var cards = reply.Locator("article.card");
        (await cards.CountAsync()).Should().BeGreaterThan(0);
        for (var i = 0; i < await cards.CountAsync(); i++)
        {
            var card = cards.Nth(i);
            (await card.Locator("h3.shop").InnerTextAsync()).Should().StartWith($"{i + 1}. ", "cards carry the numbers the child can say");
            (await card.Locator(".price, .final-price").First.InnerTextAsync()).Should().MatchRegex(@"^[\d,]+원$");
            (await card.Locator(".badge").InnerTextAsync()).Should().BeOneOf("영업 중", "문 닫음", "영업시간 확인 필요");
            (await card.Locator(".address").InnerTextAsync()).Should().NotBeNullOrWhiteSpace();
            (await card.Locator("a[href^='geo:']").GetAttributeAsync("href")).Should().MatchRegex(@"^geo:-?\d+\.\d+,-?\d+\.\d+\?q=");
            (await card.Locator("a[href^='https://map.kakao.com/link/search/']").CountAsync()).Should().Be(1);
            (await card.Locator("button", new() { HasTextString = "여기 갈래" }).CountAsync()).Should().Be(1);
            (await card.Locator("button", new() { HasTextString = "다른 데 보여줘" }).CountAsync()).Should().Be(1);
        }
        // The generated city's convenience stores are open around the clock: the card says so.
        (await reply.Locator(".facts").AllInnerTextsAsync()).Should().Contain(facts => facts.Contains("오늘 "));

        (await browser.Page.Locator("#balance").InnerTextAsync()).Should().MatchRegex(@"^[\d,]+원$", "the card balance is on show");
        int.Parse(await browser.Page.Locator("#couponCount").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeGreaterThan(0, "demo-1 holds coupons, and the page shows how many");
        browser.ConsoleErrors.Should().BeEmpty("no CSP violation, no invalid pattern, no script error");
        await browser.ScreenshotAsync("chat-page");
    }

    [Fact]
    public async Task Here_i_go_sends_feedback_on_that_pick_through_the_hub()
    {
        await using var browser = await BrowserSession.OpenAsync();
        await browser.SignInAsync(factory.BaseAddress, "browser-chooser");
        var reply = await browser.AskAsync("떡볶이 먹고 싶어");
        var card = reply.Locator("article.card").First;
        var shopId = await card.GetAttributeAsync("data-shop-id");
        var turnId = await reply.GetAttributeAsync("data-turn-id");

        await card.Locator("button.go").ClickAsync();

        await card.Locator(".note").WaitForAsync();
        (await card.GetAttributeAsync("class")).Should().Contain("chosen");
        (await card.Locator("button.go").IsDisabledAsync()).Should().BeTrue("a pick is chosen once");
        await browser.Page.WaitForFunctionAsync("() => document.querySelector('article.card.chosen')?.dataset.feedback !== undefined");
        SentInvocation(browser, "SendFeedback").Should().ContainSingle()
            .Which.Should().Contain($"\"shopId\":\"{shopId}\"").And.Contain($"\"turnId\":\"{turnId}\"")
            .And.Contain("\"kind\":\"go\"");
        (await card.GetAttributeAsync("data-feedback")).Should().Be("recorded");
    }

    [Fact]
    public async Task Show_me_another_records_the_dismissal_and_asks_for_other_places()
    {
        await using var browser = await BrowserSession.OpenAsync();
        await browser.SignInAsync(factory.BaseAddress, "browser-dismisser");
        var reply = await browser.AskAsync("김밥 먹고 싶어");
        var card = reply.Locator("article.card").Nth(0);
        var shopId = await card.GetAttributeAsync("data-shop-id");

        await card.Locator("button.other").ClickAsync();

        await browser.NextReplyAsync(answeredBefore: 1);
        (await browser.Page.Locator("#messages > li.user").AllInnerTextsAsync()).Should().Equal("김밥 먹고 싶어", "다른 데 보여줘");
        SentInvocation(browser, "SendFeedback").Should().ContainSingle()
            .Which.Should().Contain($"\"shopId\":\"{shopId}\"").And.Contain("\"kind\":\"other\"");
    }

    [Fact]
    public async Task The_balance_chip_asks_for_the_balance_and_the_answer_comes_first()
    {
        await using var browser = await BrowserSession.OpenAsync();
        await browser.SignInAsync(factory.BaseAddress, "demo-2");
        (await browser.Page.Locator(".chip").AllInnerTextsAsync()).Should().Equal("더 싼 거", "다른 거", "쿠폰 보기", "잔액");

        await browser.Page.Locator(".chip", new() { HasTextString = "잔액" }).ClickAsync();

        var reply = await browser.NextReplyAsync(0);
        (await reply.InnerTextAsync()).Should().StartWith("급식카드 잔액은");
        (await browser.Page.Locator("#wallet").IsVisibleAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task A_child_who_shares_their_location_gets_cards_with_distances_from_it()
    {
        // Somewhere in the generated city (신림역), granted the way a phone's browser would after the child says yes.
        await using var browser = await BrowserSession.OpenAsync(new BrowserNewContextOptions
        {
            Geolocation = new Geolocation { Latitude = 37.4842f, Longitude = 126.9297f },
            Permissions = ["geolocation"],
        });
        await browser.SignInAsync(factory.BaseAddress, "browser-located");
        await browser.Page.CheckAsync("#shareLocation");
        await browser.Page.WaitForFunctionAsync("() => state.location !== null"); // the first position arrives asynchronously

        var reply = await browser.AskAsync("근처에 떡볶이 먹을 데");

        (await reply.InnerTextAsync()).Should().NotContain("어디 근처인지", "the bot must not ask for a location it was given");
        (await reply.Locator("article.card .facts").AllInnerTextsAsync())
            .Should().NotBeEmpty().And.OnlyContain(facts => Distance().IsMatch(facts), "each card says how far the shop is");
    }

    [Fact]
    public async Task The_page_is_served_with_security_headers_a_favicon_and_labelled_fields()
    {
        using var http = new HttpClient { BaseAddress = factory.BaseAddress };
        using var page = await http.GetAsync("/");
        page.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'").And.NotContain("unsafe-inline");
        page.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        page.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
        using var icon = await http.GetAsync("/favicon.svg");
        icon.StatusCode.Should().Be(HttpStatusCode.OK);

        await using var browser = await BrowserSession.OpenAsync();
        await browser.Page.GotoAsync(factory.BaseAddress.ToString());
        (await browser.Page.GetAttributeAsync("html", "lang")).Should().Be("ko");
        var unlabelled = await browser.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input, select, textarea')].filter(e => e.labels.length === 0).map(e => e.id)");
        unlabelled.Should().BeEmpty("every field has a label a screen reader reads");

        // The user id's pattern compiles in current Chromium (which reads it with the 'v' flag) and does its job.
        await browser.Page.FillAsync("#userId", "bad id!");
        (await browser.Page.EvaluateAsync<bool>("() => document.getElementById('userId').validity.patternMismatch")).Should().BeTrue();
        await browser.Page.FillAsync("#userId", "kid_01-a");
        (await browser.Page.EvaluateAsync<bool>("() => document.getElementById('userId').validity.valid")).Should().BeTrue();
        browser.ConsoleErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_orleans_dashboard_shows_the_cluster_to_operators()
    {
        await using var browser = await BrowserSession.OpenAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 800 } });
        using var http = await factory.ClientForAsync("dashboard-visitor");
        await http.ChatAsync("dashboard-visitor", "dashboard-session", "떡볶이 먹고 싶어"); // a grain or two to show

        var response = await browser.Page.GotoAsync(new Uri(factory.BaseAddress, "/dashboard/").ToString());

        response!.Status.Should().Be(200, "Development opens the dashboard; elsewhere it needs the operator role");
        await browser.Page.GetByText("Total Activations").First.WaitForAsync(new() { Timeout = 30_000 });
        await browser.Page.WaitForTimeoutAsync(2_000); // its charts fill from the next poll
        await browser.ScreenshotAsync("dashboard");
    }

    /// <summary>The hub invocations of <paramref name="method"/> the page sent (SignalR's JSON protocol).</summary>
    internal static List<string> SentInvocation(BrowserSession browser, string method)
    {
        lock (browser.SentFrames)
        {
            return browser.SentFrames.SelectMany(frame => frame.Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
                .Where(message => message.Contains($"\"target\":\"{method}\"", StringComparison.Ordinal))
                .ToList();
        }
    }

    [GeneratedRegex(@"(^|\n)\d+\.\s")]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"(\d+m|\d+\.\d+km)")]
    private static partial Regex Distance();
}
