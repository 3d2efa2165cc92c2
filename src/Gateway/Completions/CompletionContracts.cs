using System.Text.Json;
using System.Text.Json.Serialization;
using Naviyam.Chat;

namespace Naviyam.Gateway.Completions;

/// <summary>
/// The body of <c>POST /v1/chat/completions</c> in OpenAI's standard shape. Only what Naviyam uses is read; other
/// members (temperature, max_tokens …) are accepted and ignored, since the answer comes from the data, not a sampler.
/// </summary>
public sealed record ChatCompletionRequest(string? Model, IReadOnlyList<CompletionMessage>? Messages, bool? Stream);

/// <summary>One message of the conversation; <c>content</c> is a string or an array of parts (only <c>text</c> parts are read).</summary>
public sealed record CompletionMessage(string? Role, JsonElement? Content)
{
    public string? Text => Content switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { ValueKind: JsonValueKind.Array } parts => string.Concat(parts.EnumerateArray()
            .Where(part => part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var type) && type.GetString() == "text"
                && part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            .Select(part => part.GetProperty("text").GetString())),
        _ => null,
    };
}

/// <summary>The non-streaming answer: OpenAI's <c>chat.completion</c>, plus the whole Naviyam reply (picks, card, order) under <c>naviyam</c>.</summary>
public sealed record ChatCompletion(
    string Id,
    string Object,
    long Created,
    string Model,
    IReadOnlyList<CompletionChoice> Choices,
    ChatReply Naviyam);

public sealed record CompletionChoice(
    int Index,
    AssistantMessage Message,
    [property: JsonPropertyName("finish_reason")] string FinishReason);

public sealed record AssistantMessage(string Role, string Content);

/// <summary>One server-sent event of a streamed answer: OpenAI's <c>chat.completion.chunk</c>.</summary>
public sealed record ChatCompletionChunk(
    string Id,
    string Object,
    long Created,
    string Model,
    IReadOnlyList<ChunkChoice> Choices);

public sealed record ChunkChoice(
    int Index,
    ChunkDelta Delta,
    [property: JsonPropertyName("finish_reason"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? FinishReason);

public sealed record ChunkDelta(string? Role, string? Content);
