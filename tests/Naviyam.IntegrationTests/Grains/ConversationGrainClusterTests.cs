using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Chat;
using Naviyam.Hosting;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Time;
using Orleans.TestingHost;

namespace Naviyam.IntegrationTests.Grains;

/// <summary>
/// <c>ConversationGrain</c> on an in-process Orleans test cluster: the silo's own services (<c>AddNaviyamSiloServices</c>)
/// and the embedded default's storage on a generated city, called through the cluster's client, with no web host.
/// </summary>
public sealed class ConversationGrainClusterTests : IAsyncLifetime
{
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Naviyam:Data:GenerateShops"] = "2000",
                ["Naviyam:Data:GenerateUsers"] = "20",
            });
            host.AddNaviyamSiloServices();
            // Wednesday noon in Seoul, when the generated city's shops are open.
            host.Services.AddSingleton(new SeoulClock(new SettableTimeProvider(SeoulClock.FromSeoulLocal(new DateTime(2025, 9, 3, 12, 0, 0)))));
        });
        builder.ConfigureSilo((_, silo) => silo.AddNaviyamInMemoryStorage());
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task A_turn_is_answered_from_the_generated_city_and_its_slots_carry_into_the_next_turn()
    {
        var session = cluster.Client.GetGrain<IConversationGrain>("tc-carry");

        var first = await session.TakeTurnAsync(new ChatTurn("demo-1", "t1", "만원으로 점심 먹을 데", null, null));
        var second = await session.TakeTurnAsync(new ChatTurn("demo-1", "t2", "떡볶이 먹고 싶어", null, null));

        first.Slots.Budget.Should().Be(10_000);
        first.Recommendations.Should().NotBeEmpty(first.Reply);
        first.Recommendations.Should().OnlyContain(r => r.Price <= 10_000);
        first.Reply.Should().Contain(first.Recommendations[0].ShopName);

        second.Entities.Budget.Should().BeNull("this message named no budget");
        second.Slots.Budget.Should().Be(10_000, "the budget said in the first turn is carried");
        second.Slots.FoodType.Should().Be("떡볶이");
        second.Recommendations.Should().NotBeEmpty(second.Reply);
        second.Recommendations.Should().OnlyContain(r => r.Price <= 10_000);
        (await session.GetSlotsAsync("demo-1")).Should().Be(second.Slots);
    }
}
