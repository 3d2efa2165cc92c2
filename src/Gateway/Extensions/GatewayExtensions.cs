using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Naviyam.Gateway.Auth;
using Naviyam.Gateway.Chat;
using Naviyam.Gateway.Diagnostics;
using Naviyam.Gateway.Errors;
using Naviyam.Gateway.Limits;
using Naviyam.Gateway.Resilience;
using Naviyam.Gateway.Me;
using Naviyam.Gateway.Operators;
using Naviyam.Hosting;
using Naviyam.Hosting.Auth;

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

        builder.Services.AddProblemDetails();
        // After ASP.NET's own writer, which answers clients that accept JSON; this one answers every other client.
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        builder.Services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = 64 * 1024;
                options.AddFilter<HubErrorFilter>();
                options.AddFilter<HubRateLimitFilter>();
                options.AddFilter<ResilienceHubFilter>();
            })
            .AddJsonProtocol(options => ConfigureJson(options.PayloadSerializerOptions));
        builder.Services.AddSingleton<Microsoft.AspNetCore.SignalR.IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.AddChatFrontDoor();
        builder.Services.AddNaviyamLimits(builder.Configuration);
        builder.Services.AddFrontDoorResilience(builder.Configuration);
        return builder;
    }

    public static WebApplication MapNaviyamGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        if (FindClientLib(app.Environment) is { } clientLib)
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(clientLib),
                RequestPath = "/lib",
            });
        }
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
        return app;
    }

    /// <summary>The npm-restored browser client: beside the binaries when built or published, else in the source tree.</summary>
    private static string? FindClientLib(IWebHostEnvironment environment) =>
        new[]
        {
            Path.Combine(AppContext.BaseDirectory, "clientlib"),
            Path.Combine(environment.ContentRootPath, "ClientLib", "node_modules", "@microsoft", "signalr", "dist", "browser"),
        }.FirstOrDefault(Directory.Exists);

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
