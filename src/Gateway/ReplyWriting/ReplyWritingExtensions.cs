using System.ClientModel;
using Microsoft.SemanticKernel;
using Naviyam.Gateway.KernelFunctions;
using OpenAI;

namespace Naviyam.Gateway.ReplyWriting;

public static class ReplyWritingExtensions
{
    /// <summary>
    /// The gateway's <see cref="Kernel"/> with Naviyam's kernel functions (always), its chat completion service when
    /// <c>Naviyam:ReplyWriter:Endpoint</c> is set, and the Semantic Kernel writer then; else the template as is.
    /// </summary>
    public static IServiceCollection AddReplyWriter(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ReplyWriterOptions.Section);
        services.AddOptions<ReplyWriterOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var settings = section.Get<ReplyWriterOptions>() ?? new ReplyWriterOptions();
        var client = settings.Endpoint is null
            ? null
            : new OpenAIClient(new ApiKeyCredential(settings.ApiKey ?? "none"),
                // No retries: the budget is too short for them, and a failed rewrite costs nothing but the nicer words.
                new OpenAIClientOptions { Endpoint = settings.Endpoint, RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(maxRetries: 0) });
        services.AddSingleton<NaviyamPlugin>();
        services.AddSingleton(provider =>
        {
            var kernel = Kernel.CreateBuilder();
            if (client is not null)
            {
                kernel.AddOpenAIChatCompletion(settings.Model, client);
            }
            kernel.Plugins.AddFromObject(provider.GetRequiredService<NaviyamPlugin>(), NaviyamPlugin.PluginName);
            return kernel.Build();
        });
        return client is null
            ? services.AddSingleton<IReplyWriter, TemplateReplyWriter>()
            : services.AddSingleton<IReplyWriter, SemanticKernelReplyWriter>();
    }
}
