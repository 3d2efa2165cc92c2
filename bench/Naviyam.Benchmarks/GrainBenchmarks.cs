using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Naviyam.Bench;
using Naviyam.Catalog;
using Naviyam.Chat;
using Naviyam.Shops;
using Naviyam.Hosting;

namespace Naviyam.Benchmarks;

/// <summary>
/// A warm <c>ConversationGrain</c> turn through a real in-process silo (the gateway's co-hosted silo: <c>AddNaviyamSilo</c>,
/// in-memory storage, 3,000 generated shops, clock pinned to a Wednesday noon), next to a trivial grain call.
/// One session, one caller: the latency of an unloaded turn.
/// </summary>
[BenchmarkCategory("grain")]
public class GrainBenchmarks
{
    private IHost host = null!;
    private IGrainFactory grains = null!;
    private string[] messages = [];
    private GeoPoint[] places = [];
    private long turn;

    [GlobalSetup]
    public void Setup()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Development,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(BenchInputs.SiloSettings(shops: 3_000, users: 100));
        builder.AddNaviyamSilo();
        host = builder.Build();
        host.StartAsync().GetAwaiter().GetResult();
        grains = host.Services.GetRequiredService<IGrainFactory>();
        messages = BenchInputs.Messages(foodSeekingOnly: true).ToArray();
        places = Components.Places(host.Services.GetRequiredService<IShopCatalog>().All(), 64);
        // Activate both grains and fill the NLU cache: the benchmark measures warm turns.
        grains.GetGrain<IPingGrain>("bench-session").PingAsync(0).GetAwaiter().GetResult();
        for (var i = 0; i < messages.Length; i++)
        {
            Turn().GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        host.StopAsync().GetAwaiter().GetResult();
        host.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Trivial grain call (baseline)")]
    public Task<int> Ping() => grains.GetGrain<IPingGrain>("bench-session").PingAsync(1);

    [Benchmark(Description = "ConversationGrain.TakeTurnAsync (warm)")]
    public Task<ChatReply> Turn()
    {
        var n = Interlocked.Increment(ref turn);
        var turnId = "t" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return grains.GetGrain<IConversationGrain>("bench-session")
            .TakeTurnAsync(new ChatTurn("demo-1", turnId, messages[n % messages.Length], places[n % places.Length], null));
    }
}
