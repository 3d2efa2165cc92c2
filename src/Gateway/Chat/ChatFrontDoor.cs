using Naviyam.Chat;
using Naviyam.Gateway.ReplyWriting;
using Naviyam.Gateway.Telemetry;
using Naviyam.Gateway.Validation;

namespace Naviyam.Gateway.Chat;

/// <summary>
/// What REST and SignalR share: validation, the call into the session's grain, and the push of the reply to
/// every connection of the user. It depends on neither transport: both depend on it.
/// </summary>
public sealed class ChatFrontDoor(IGrainFactory grains, IChatReplyFanOut replies, IReplyWriter writer, TurnMetrics metrics, TimeProvider time)
{
    public async Task<ChatTurnResult> SendAsync(string userId, ChatMessage? message)
    {
        var input = ChatInputRules.Validate(message);
        if (!input.IsValid)
        {
            return new ChatTurnResult.Invalid(input.Errors);
        }

        ChatReply reply;
        var started = time.GetTimestamp();
        try
        {
            reply = await grains.GetGrain<IConversationGrain>(input.Value.SessionId).TakeTurnAsync(input.Value.ToTurn(userId));
        }
        catch (SessionOwnershipException)
        {
            // The grain alone knows who owns a session; here its refusal becomes a result like any other.
            return new ChatTurnResult.ForbiddenSession();
        }
        reply = await writer.WriteAsync(userId, reply);
        metrics.RecordTurn(reply, time.GetElapsedTime(started));
        await replies.SendToUserAsync(userId, input.Value.SessionId, reply);
        return new ChatTurnResult.Answered(reply);
    }

    public async Task<Validated<NluResult>> AnalyzeAsync(string? text)
    {
        var input = ChatInputRules.ValidateAnalysisText(text);
        return input.IsValid
            ? Validated<NluResult>.Valid(await grains.GetGrain<INluGrain>(0).AnalyzeAsync(input.Value))
            : Validated<NluResult>.Invalid(input.Errors);
    }
}
