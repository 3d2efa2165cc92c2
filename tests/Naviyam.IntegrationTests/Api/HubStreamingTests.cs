using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Api;

/// <summary>The hub's <c>StreamMessage</c> over a real SignalR client: pieces of the text, then the whole reply.</summary>
public class HubStreamingTests(GeneratedCityFactory factory) : IClassFixture<GeneratedCityFactory>
{
    [Fact]
    public async Task A_streamed_turn_sends_the_text_in_pieces_then_the_reply_they_add_up_to()
    {
        await using var hub = await factory.HubForAsync("stream-user");
        var items = new List<StreamItem>();

        await foreach (var item in hub.StreamAsync<StreamItem>("StreamMessage", new { sessionId = "stream-session", text = "배고픈데 5천원밖에 없어" }))
        {
            items.Add(item);
        }

        items.Should().HaveCountGreaterThan(2);
        items[..^1].Should().OnlyContain(i => i.Type == "chunk" && !string.IsNullOrEmpty(i.Text));
        var final = items[^1];
        final.Type.Should().Be("reply");
        string.Concat(items[..^1].Select(i => i.Text)).Should().Be(final.Reply!.Reply);
        final.Reply.Recommendations.Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_bad_message_ends_the_stream_with_the_coded_hub_error()
    {
        await using var hub = await factory.HubForAsync("stream-bad");

        var read = async () =>
        {
            await foreach (var _ in hub.StreamAsync<StreamItem>("StreamMessage", new { sessionId = "bad session!", text = "배고파" }))
            {
            }
        };

        (await read.Should().ThrowAsync<HubException>()).Which.Message.Should().Contain("invalid_input");
    }

    private sealed record StreamItem(string Type, string? Text, WireReply? Reply);
}
