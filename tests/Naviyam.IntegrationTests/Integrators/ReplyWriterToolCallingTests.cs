using System.Net.Http.Json;
using Naviyam.IntegrationTests.Infrastructure;
using static Naviyam.IntegrationTests.Integrators.ReplyWriterTests;

namespace Naviyam.IntegrationTests.Integrators;

/// <summary>
/// The reply writer with tool calling on, against the local OpenAI-compatible test server: the model asks for the card's
/// balance, Semantic Kernel runs the function for the turn's user, and the rewrite that mentions that balance is served.
/// </summary>
public class ReplyWriterToolCallingTests : IAsyncLifetime
{
    private readonly LanguageModelServer server = new();
    private GatewayFactory gateway = null!;

    public Task InitializeAsync()
    {
        gateway = new GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
        {
            ["Naviyam:Data:GenerateShops"] = "1000",
            ["Naviyam:Data:GenerateUsers"] = "3",
            ["Naviyam:ReplyWriter:Endpoint"] = server.Endpoint.ToString(),
            ["Naviyam:ReplyWriter:Model"] = "test-model",
            ["Naviyam:ReplyWriter:ToolCalling"] = "true",
            // Two model round trips and a grain call; a loaded test machine must not turn this into a timeout.
            ["Naviyam:ReplyWriter:Budget"] = "00:00:10",
        });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_model_calls_the_balance_function_for_the_turns_user_and_its_answer_is_served()
    {
        server.Mode = LanguageModelMode.CallBalance;
        using var client = await gateway.ClientForAsync("demo-2");
        var balance = (await client.GetFromJsonAsync<Naviyam.Gateway.KernelFunctions.CardBalance>("/api/me/card"))!.Balance;

        using var response = await client.PostAsJsonAsync("/api/chat", new { sessionId = "tools-1", text = "배고픈데 5천원밖에 없어" });
        response.EnsureSuccessStatusCode();
        var reply = (await response.Content.ReadFromJsonAsync<WriterReply>())!;

        server.OfferedTools.Should().BeEquivalentTo(["naviyam-find_meals", "naviyam-get_card_balance", "naviyam-list_coupons"],
            "ordering spends money and is never offered to the model");
        server.ToolResults.Should().ContainSingle().Which.Should().Contain(balance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        reply.Rewritten.Should().BeTrue();
        reply.Reply.Should().EndWith($"지금 카드에 {balance:N0}원 남아 있어요.");
        reply.Reply.Should().Contain(reply.Recommendations[0].ShopName);
    }

    [Fact]
    public async Task Without_the_function_the_same_new_amount_is_rejected()
    {
        // The model says a balance it never looked up: the fact check allows only amounts a function returned.
        server.Mode = LanguageModelMode.ChangePrice;
        using var client = await gateway.ClientForAsync("demo-3");

        using var response = await client.PostAsJsonAsync("/api/chat", new { sessionId = "tools-2", text = "배고픈데 5천원밖에 없어" });
        var reply = (await response.Content.ReadFromJsonAsync<WriterReply>())!;

        reply.Rewritten.Should().BeFalse();
        server.ToolResults.Should().BeEmpty();
    }

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        await server.DisposeAsync();
    }
}
