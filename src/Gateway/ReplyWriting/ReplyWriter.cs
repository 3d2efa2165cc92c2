using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Naviyam.Chat;
using Naviyam.Gateway.KernelFunctions;

namespace Naviyam.Gateway.ReplyWriting;

/// <summary>Gives a reply its final words; the facts in it never change.</summary>
public interface IReplyWriter
{
    /// <summary>The final words of <paramref name="reply"/>, a turn of <paramref name="userId"/> (the token's subject).</summary>
    Task<ChatReply> WriteAsync(string userId, ChatReply reply);
}

/// <summary>The template reply as the pipeline wrote it (no writer configured).</summary>
public sealed class TemplateReplyWriter : IReplyWriter
{
    public Task<ChatReply> WriteAsync(string userId, ChatReply reply) => Task.FromResult(reply);
}

/// <summary>
/// Rewrites the template reply through Semantic Kernel's chat completion service on an OpenAI-compatible server:
/// warmer words for a child, the same facts. The rewrite is used only when it comes within the budget and
/// <see cref="ReplyFactCheck"/> finds every shop, meal and amount unchanged; otherwise the template is served.
/// Outcomes are counted (<c>naviyam.reply_writer.outcomes</c>); the texts are never logged.
/// </summary>
public sealed class SemanticKernelReplyWriter : IReplyWriter
{
    private const string Instructions =
        "너는 급식카드를 쓰는 어린이와 청소년에게 답하는 나비얌의 말투 도우미야. 주어진 답을 더 다정하고 자연스러운 해요체로 "
        + "다듬어. 가게 이름, 메뉴 이름, 금액, 번호 목록은 글자 그대로 모두 남기고, 없는 사실이나 금액을 더하지 마. 다듬은 답만 써.";

    private const string ToolInstructions =
        " 도움이 되면 도구로 잔액이나 쿠폰을 확인해서 한 문장 덧붙여도 돼. 도구가 알려 준 금액 말고는 새 금액을 쓰지 마.";

    private readonly Kernel kernel;
    private readonly IChatCompletionService chat;
    private readonly ReplyWriterOptions options;
    private readonly ILogger<SemanticKernelReplyWriter> logger;
    private readonly Counter<long> outcomes;

    public SemanticKernelReplyWriter(Kernel kernel, IOptions<ReplyWriterOptions> options, IMeterFactory meterFactory, ILogger<SemanticKernelReplyWriter> logger)
    {
        this.kernel = kernel;
        chat = kernel.GetRequiredService<IChatCompletionService>();
        this.options = options.Value;
        this.logger = logger;
        outcomes = meterFactory.Create("Naviyam.Gateway").CreateCounter<long>("naviyam.reply_writer.outcomes", "{reply}",
            "What became of each rewrite: rewritten, rejected (a fact changed), timeout, error");
    }

    public async Task<ChatReply> WriteAsync(string userId, ChatReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        using var budget = new CancellationTokenSource(options.Budget);
        var history = new ChatHistory(options.ToolCalling ? Instructions + ToolInstructions : Instructions);
        history.AddUserMessage(Prompt(reply));
        // The functions act for this turn's user only; the facts they read are the only new ones a rewrite may carry.
        var forUser = kernel.ForUser(userId);
        string outcome;
        try
        {
            var answer = await chat.GetChatMessageContentAsync(history, Settings(forUser), forUser, budget.Token);
            var rewrite = answer.Content?.Trim() ?? "";
            if (ReplyFactCheck.Keeps(reply, rewrite, KernelUser.FactsOf(forUser).Amounts))
            {
                Count("rewritten");
                return reply with { Reply = rewrite, Rewritten = true };
            }
            outcome = "rejected";
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            outcome = "timeout";
        }
        catch (Exception ex) when (ex is KernelException or HttpOperationException or HttpRequestException or System.ClientModel.ClientResultException)
        {
            logger.LogWarning("The reply writer failed ({Error}); the template reply is served", ex.GetType().Name);
            outcome = "error";
        }
        Count(outcome);
        return reply;
    }

    /// <summary>With tool calling on: the read-only kernel functions, called and answered by Semantic Kernel itself.</summary>
    private PromptExecutionSettings? Settings(Kernel forUser) =>
        options.ToolCalling
            ? new PromptExecutionSettings
            {
                FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(
                    NaviyamPlugin.ReadOnlyFunctions.Select(name => forUser.Plugins.GetFunction(NaviyamPlugin.PluginName, name))),
            }
            : null;

    /// <summary>The template and, apart, the facts it must keep, so the model sees what may not change.</summary>
    private static string Prompt(ChatReply reply)
    {
        var facts = reply.Recommendations.Concat(reply.PriceUnknown)
            .Select(p => new { shop = p.ShopName, meal = p.MenuName, price = p.Price, finalPrice = p.FinalPrice, coupon = p.CouponName });
        return $"답:\n{reply.Reply}\n\n바꾸면 안 되는 사실(JSON):\n{JsonSerializer.Serialize(facts)}";
    }

    private void Count(string outcome) => outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
