using Microsoft.AspNetCore.Hosting;
using Naviyam.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Naviyam.IntegrationTests.Reliability;

/// <summary>The embedded gateway with every error-level log line counted.</summary>
public sealed class FuzzGatewayFactory() : GatewayFactory(Start, Settings)
{
    /// <summary>The product clock and city every fuzz run uses, whatever the storage mode.</summary>
    public static readonly DateTime Start = new(2025, 9, 3, 12, 0, 0);

    public static IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Naviyam:Data:GenerateShops"] = "300",
        ["Naviyam:Data:GenerateUsers"] = "5",
    };

    public ErrorLogCounter Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Log.AddTo(builder);
    }
}

/// <summary>
/// 10,000 hostile REST requests (every Accept header, malformed and mistyped bodies, odd text, wrong methods and
/// paths) and 2,000 hostile hub messages from a fixed seed (<see cref="FuzzRun"/>): no response is ever 500 or more, no
/// hub call fails with <c>internal_error</c>, and nothing is logged at error level. <c>MySqlFuzzTests</c> sends the same
/// inputs to MySQL mode.
/// </summary>
public class FuzzTests(FuzzGatewayFactory factory, ITestOutputHelper output) : IClassFixture<FuzzGatewayFactory>
{
    [Fact]
    public async Task Ten_thousand_hostile_rest_requests_and_two_thousand_hub_messages_never_get_a_500()
    {
        _ = factory.BaseAddress;
        factory.Log.Errors.Clear();

        var outcome = await FuzzRun.RunAsync(factory);

        output.WriteLine(outcome.Summary);
        outcome.ShouldHaveAnsweredEveryInputWithoutAServerError();
        factory.Log.Errors.Should().BeEmpty();
    }
}
