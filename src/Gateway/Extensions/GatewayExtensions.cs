using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Naviyam.Gateway.Auth;
using Naviyam.Gateway.Chat;
using Naviyam.Gateway.Completions;
using Naviyam.Gateway.Diagnostics;
using Naviyam.Gateway.Errors;
using Naviyam.Gateway.Limits;
using Naviyam.Gateway.Resilience;
using Naviyam.Gateway.Me;
using Naviyam.Gateway.OpenApi;
using Naviyam.Gateway.Operators;
using Naviyam.Gateway.Page;
using Naviyam.Gateway.ReplyWriting;
using Naviyam.Gateway.Telemetry;
using Naviyam.Hosting;
using Naviyam.Hosting.Auth;
using Naviyam.Hosting.Telemetry;

namespace Naviyam.Gateway.Extensions;

public static class GatewayExtensions
{
    /// <summary>Wires the gateway: a co-hosted silo, JWT auth, problem+json errors, REST, SignalR and the chat page.</summary>
    public static WebApplicationBuilder AddNaviyamGateway(this WebApplicationBuilder builder)
    {
        builder.AddNaviyamServiceDefaults();
        // The embedded default co-hosts a silo; in front of a cluster the gateway is a thin Orleans client.
        if (builder.Configuration.GetValue("Naviyam:Gateway:CoHostSilo", defaultValue: true))
        {
            builder.AddNaviyamSilo();
        }
        else
        {
            builder.AddNaviyamClusterClient();
        }

        builder.AddNaviyamJwtAuthentication();
        builder.Services.AddSingleton<TokenService>();

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Every 400 (a handler's validation problem included) carries the same machine code as the rest.
            if (context.ProblemDetails.Status == StatusCodes.Status400BadRequest)
            {
                context.ProblemDetails.Extensions.TryAdd("code", ErrorCodes.InvalidInput);
            }
        });
        // After ASP.NET's own writer, which answers clients that accept JSON; this one answers every other client.
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        builder.Services.AddSignalR(options =>
            {
                options.AddFilter<HubErrorFilter>();
                options.AddFilter<HubRateLimitFilter>();
                options.AddFilter<ResilienceHubFilter>();
            })
            .AddJsonProtocol(options => ConfigureJson(options.PayloadSerializerOptions))
            // Every method error already reaches the client as a coded HubException (HubErrorFilter); what detailed
            // errors add is the reason a connection was closed (a message over the size limit) or a message could not
            // be bound to the method's arguments, which a client cannot otherwise tell.
            .AddHubOptions<ChatHub>(options => options.EnableDetailedErrors = true);
        builder.Services.AddOptions<HubOptions>().Configure<Microsoft.Extensions.Options.IOptions<LimitsOptions>>(
            (hub, limits) => hub.MaximumReceiveMessageSize = limits.Value.HubMaxMessageBytes);
        builder.Services.AddSingleton<Microsoft.AspNetCore.SignalR.IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.AddChatFrontDoor();
        builder.Services.AddNaviyamLimits(builder.Configuration);
        builder.Services.AddFrontDoorResilience(builder.Configuration);
        builder.Services.AddNaviyamOpenApi();
        builder.Services.AddTurnTelemetry(builder.Configuration);
        // SignalR's server-side source: a span per hub method invocation.
        builder.AddNaviyamTracing("Microsoft.AspNetCore.SignalR.Server");
        builder.Services.AddReplyWriter(builder.Configuration);
        return builder;
    }

    public static WebApplication MapNaviyamGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseChatPage();
        app.UseAuthentication();
        // After authentication: a caller is the token's subject.
        app.UseRateLimiter();
        app.UseAuthorization();

        var dashboard = app.MapNaviyamDefaultEndpoints();
        if (!app.Environment.IsDevelopment())
        {
            dashboard.RequireOperator();
        }
        app.MapChatApi();
        app.MapMeApi();
        app.MapOrderAcceptanceApi();
        app.MapAbReportApi();
        if (app.Environment.IsDevelopment())
        {
            app.MapDevTokenApi();
        }
        app.MapEchoBaselines();
        app.MapCompletionsApi();
        app.MapOperatorAlerts();
        app.MapNaviyamOpenApi();
        return app;
    }

    private static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    }

    private sealed class SubjectUserIdProvider : Microsoft.AspNetCore.SignalR.IUserIdProvider
    {
        public string? GetUserId(Microsoft.AspNetCore.SignalR.HubConnectionContext connection) => connection.User?.FindFirst("sub")?.Value;
    }
}
