using Microsoft.Playwright;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Browser;

/// <summary>
/// A real headless Chromium (Debian's, installed by .ci/run with fonts-noto-cjk so Korean renders) on one page of the
/// gateway, collecting what the page complains about (console errors, CSP violations) and the hub frames it sends.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (ConsoleErrors)
                {
                    ConsoleErrors.Add(message.Text);
                }
            }
        };
        page.WebSocket += (_, socket) => socket.FrameSent += (_, frame) =>
        {
            lock (SentFrames)
            {
                SentFrames.Add(frame.Text ?? "");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Console errors, which include every Content-Security-Policy violation and an invalid <c>pattern</c>.</summary>
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>The SignalR frames the page sent over its WebSocket (JSON protocol, one or more messages each).</summary>
    public List<string> SentFrames { get; } = [];

    public static async Task<BrowserSession> OpenAsync(BrowserNewContextOptions? options = null)
    {
        File.Exists(ChromiumPath).Should().BeTrue($"the browser tests need Debian's chromium at {ChromiumPath} (apt-get install chromium)");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        context.SetDefaultTimeout(30_000);
        return new BrowserSession(playwright, browser, context, await context.NewPageAsync());
    }

    /// <summary>Opens the page and signs in with a development token; returns once the composer is enabled.</summary>
    public async Task SignInAsync(Uri gateway, string userId)
    {
        await Page.GotoAsync(gateway.ToString());
        await Page.FillAsync("#userId", userId);
        await Page.ClickAsync("#signin button[type=submit]");
        await Page.WaitForSelectorAsync("#text:not([disabled])");
    }

    /// <summary>Types a message, sends it with the Enter key (as a keyboard user would) and waits for its finished reply.</summary>
    public async Task<ILocator> AskAsync(string text)
    {
        var answered = await Page.Locator("#messages > li.bot.done").CountAsync();
        await Page.FillAsync("#text", text);
        await Page.PressAsync("#text", "Enter");
        return await NextReplyAsync(answered);
    }

    /// <summary>The bot reply after the first <paramref name="answeredBefore"/>, once it has finished streaming.</summary>
    public async Task<ILocator> NextReplyAsync(int answeredBefore)
    {
        var reply = Page.Locator("#messages > li.bot.done").Nth(answeredBefore);
        await reply.WaitForAsync();
        return reply;
    }

    /// <summary>A screenshot kept as a test artifact in <c>artifacts/screenshots</c> (git-ignored).</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var folder = Path.Combine(SharedData.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
