using System.ClientModel;
using Microsoft.SemanticKernel;
using OpenAI;

namespace Naviyam.Gateway.ReplyWriting;

public static class ReplyWritingExtensions
{
    /// <summary>The Semantic Kernel writer when <c>Naviyam:ReplyWriter:Endpoint</c> is set, else the template as is.</summary>
    public static IServiceCollection AddReplyWriter(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ReplyWriterOptions.Section);
        services.AddOptions<ReplyWriterOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var settings = section.Get<ReplyWriterOptions>() ?? new ReplyWriterOptions();
        if (settings.Endpoint is null)
        {
            return services.AddSingleton<IReplyWriter, TemplateReplyWriter>();
        }
        var client = new OpenAIClient(new ApiKeyCredential(settings.ApiKey ?? "none"),
            // No retries: the budget is too short for them, and a failed rewrite costs nothing but the nicer words.
            new OpenAIClientOptions { Endpoint = settings.Endpoint, RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(maxRetries: 0) });
        services.AddSingleton(_ => Kernel.CreateBuilder().AddOpenAIChatCompletion(settings.Model, client).Build());
        return services.AddSingleton<IReplyWriter, SemanticKernelReplyWriter>();
    }
}
