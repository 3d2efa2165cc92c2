using System.ClientModel;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Naviyam.IntegrationTests.Api;
using OpenAI;
using OpenAI.Chat;

namespace Naviyam.IntegrationTests.Integrators;

/// <summary>
/// <c>/v1/chat/completions</c> driven by the official OpenAI .NET client, the way an existing front-end would:
/// only its endpoint and API key (a Naviyam token) changed.
/// </summary>
public class CompletionsTests(GeneratedCityFactory factory) : IClassFixture<GeneratedCityFactory>
{
    private async Task<ChatClient> OpenAiClientAsync(string userId) =>
        new("naviyam", new ApiKeyCredential(await factory.TokenForAsync(userId)),
            new OpenAIClientOptions { Endpoint = new Uri(factory.BaseAddress, "/v1") });

    [Fact]
    public async Task A_standard_client_gets_the_reply_as_a_chat_completion()
    {
        var client = await OpenAiClientAsync("v1-plain");

        ChatCompletion completion = await client.CompleteChatAsync([new UserChatMessage("배고픈데 5천원밖에 없어")]);

        completion.Role.Should().Be(ChatMessageRole.Assistant);
        completion.FinishReason.Should().Be(ChatFinishReason.Stop);
        completion.Content.Should().ContainSingle().Which.Text.Should().Contain("5,000원").And.MatchRegex(@"1\. .+원");
    }

    [Fact]
    public async Task A_streamed_completion_adds_up_to_the_same_kind_of_reply()
    {
        var client = await OpenAiClientAsync("v1-stream");
        var text = new StringBuilder();
        var updates = 0;
        ChatFinishReason? finish = null;

        await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("배고픈데 5천원밖에 없어")]))
        {
            updates++;
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
            finish ??= update.FinishReason;
        }

        updates.Should().BeGreaterThan(3, "the text comes a sentence at a time");
        finish.Should().Be(ChatFinishReason.Stop);
        text.ToString().Should().Contain("5,000원").And.MatchRegex(@"1\. .+원");
    }

    [Fact]
    public async Task The_whole_conversation_sent_again_continues_one_session()
    {
        var client = await OpenAiClientAsync("v1-follow");
        List<ChatMessage> conversation = [new SystemChatMessage("You are a helpful assistant."), new UserChatMessage("떡볶이 먹고 싶어")];
        ChatCompletion first = await client.CompleteChatAsync(conversation);
        var secondPick = first.Content[0].Text.Split('\n').Single(line => line.StartsWith("2. ", StringComparison.Ordinal));
        var secondShop = secondPick[3..].Split(" — ")[0].Trim();

        conversation.Add(new AssistantChatMessage(first.Content[0].Text));
        conversation.Add(new UserChatMessage("2번 가게 어디야?"));
        ChatCompletion second = await client.CompleteChatAsync(conversation);

        second.Content[0].Text.Should().Contain(secondShop, "\"2번\" is the second pick of the answer the conversation holds");
    }

    [Fact]
    public async Task Raw_events_follow_the_server_sent_events_format_and_end_with_done()
    {
        using var http = await factory.ClientForAsync("v1-raw");
        using var response = await http.PostAsJsonAsync("/v1/chat/completions",
            new { model = "naviyam", stream = true, messages = new[] { new { role = "user", content = new object[] { new { type = "text", text = "김밥 먹고 싶어" } } } } });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        events.Should().OnlyContain(e => e.StartsWith("data: ", StringComparison.Ordinal));
        events[^1].Should().Be("data: [DONE]");
        using var first = JsonDocument.Parse(events[0]["data: ".Length..]);
        first.RootElement.GetProperty("object").GetString().Should().Be("chat.completion.chunk");
        first.RootElement.GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString().Should().Be("assistant");
        first.RootElement.GetProperty("choices")[0].GetProperty("finish_reason").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_401()
    {
        using var http = new HttpClient { BaseAddress = factory.BaseAddress };
        using var response = await http.PostAsJsonAsync("/v1/chat/completions", new { model = "naviyam", messages = new[] { new { role = "user", content = "배고파" } } });
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("""{"model":"naviyam","messages":[]}""")]
    [InlineData("""{"model":"naviyam","messages":[{"role":"user","content":"배고파"},{"role":"assistant","content":"뭐 먹을래요?"}]}""")]
    [InlineData("""{"model":"naviyam","messages":[{"role":"wizard","content":"배고파"}]}""")]
    [InlineData("""{"model":"naviyam","messages":[{"role":"user","content":"   "}]}""")]
    public async Task A_malformed_conversation_is_400_with_problem_json_and_an_openai_error(string body)
    {
        using var http = await factory.ClientForAsync("v1-bad");
        using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await http.PostAsync("/v1/chat/completions", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("error").GetProperty("type").GetString().Should().Be("invalid_request_error");
        problem.RootElement.GetProperty("error").GetProperty("message").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task The_model_list_names_naviyam()
    {
        var client = new OpenAIClient(new ApiKeyCredential(await factory.TokenForAsync("v1-models")),
            new OpenAIClientOptions { Endpoint = new Uri(factory.BaseAddress, "/v1") });

        var models = await client.GetOpenAIModelClient().GetModelsAsync();

        models.Value.Select(m => m.Id).Should().Equal("naviyam");
    }
}
