using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Naviyam.Catalog;
using Naviyam.Gateway.Auth;
using Naviyam.Gateway.Extensions;
using Naviyam.Shops;

namespace Naviyam.LoadTest;

/// <summary>
/// The real gateway (Kestrel on 127.0.0.1, a free port) co-hosting the real silo, built by the gateway's own
/// <c>AddNaviyamGateway</c>/<c>MapNaviyamGateway</c>, in Development (dev tokens, pinned product clock).
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private GatewayHost(WebApplication app, Uri baseAddress, TimeSpan startup)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Startup = startup;
    }

    public Uri BaseAddress { get; }

    /// <summary>From builder to serving: data generation, catalog load and silo start included.</summary>
    public TimeSpan Startup { get; }

    public IServiceProvider Services => app.Services;

    public IGrainFactory Grains => app.Services.GetRequiredService<IGrainFactory>();

    public string TokenFor(string userId) => app.Services.GetRequiredService<TokenService>().Issue(userId);

    public static async Task<GatewayHost> StartAsync(IDictionary<string, string?> settings)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--urls", "http://127.0.0.1:0"],
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration["Urls"] = "http://127.0.0.1:0";
        // The load is a few users sending as fast as they can: the per-user rate limits would measure the limiter.
        builder.Configuration["Naviyam:Limits:UserRequestsPerMinute"] = "1000000";
        builder.Configuration["Naviyam:Limits:Burst"] = "1000000";
        builder.Configuration["Naviyam:Limits:AnonymousRequestsPerMinute"] = "1000000";
        builder.AddNaviyamGateway();
        var app = builder.Build();
        app.MapNaviyamGateway();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayHost(app, new Uri(address), started.Elapsed);
    }

    /// <summary>Where the load's children stand: shop locations picked with a fixed seed.</summary>
    public GeoPoint[] Places(int count)
    {
        var shops = app.Services.GetRequiredService<IShopCatalog>().All().Where(s => s.Location is not null).ToArray();
        var random = new Random(Bench.BenchInputs.Seed);
        return Enumerable.Range(0, count).Select(_ => shops[random.Next(shops.Length)].Location!.Value).ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
    }
}
