using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.IdentityModel.Tokens;
using Naviyam.Gateway.Auth;
using Naviyam.Gateway.Chat;
using Naviyam.Gateway.Completions;
using Naviyam.Gateway.Diagnostics;
using Naviyam.Gateway.Me;
using Naviyam.Gateway.OpenApi;
using Naviyam.Gateway.Operators;
using Naviyam.Gateway.Page;
using Naviyam.Gateway.ReplyWriting;
using Naviyam.Gateway.Telemetry;
using Naviyam.Hosting;

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

        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TokenService>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenService, Microsoft.Extensions.Options.IOptions<AuthOptions>>((jwt, tokens, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    IssuerSigningKey = tokens.SigningKey,
                    NameClaimType = "sub",
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                // Browsers cannot set headers on WebSockets: SignalR sends the token in the query string.
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments("/hubs")
                            && context.Request.Query["access_token"].ToString() is { Length: > 0 } token)
                        {
                            context.Token = token;
                        }
                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddAuthorization();

        builder.Services.AddProblemDetails();
        builder.Services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        builder.Services.AddSignalR(options => options.MaximumReceiveMessageSize = 64 * 1024)
            .AddJsonProtocol(options => ConfigureJson(options.PayloadSerializerOptions));
        builder.Services.AddSingleton<Microsoft.AspNetCore.SignalR.IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.AddChatFrontDoor();
        builder.Services.AddNaviyamOpenApi();
        builder.Services.AddTurnTelemetry(builder.Configuration);
        builder.Services.AddReplyWriter(builder.Configuration);
        return builder;
    }

    public static WebApplication MapNaviyamGateway(this WebApplication app)
    {
        app.UseExceptionHandler(errors => errors.Run(WriteProblemForException));
        app.UseStatusCodePages();
        app.UseChatPage();
        app.UseAuthentication();
        app.UseAuthorization();

        var dashboard = app.MapNaviyamDefaultEndpoints();
        if (!app.Environment.IsDevelopment())
        {
            dashboard.RequireOperator();
        }
        app.MapChatApi();
        app.MapMeApi();
        app.MapOrderAcceptanceApi();
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

    /// <summary>One error shape for every failure: problem+json with the right status, never a bare 500 for bad input.</summary>
    private static async Task WriteProblemForException(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        var (status, title, detail) = error switch
        {
            BadHttpRequestException bad => (StatusCodes.Status400BadRequest, "Invalid request", bad.Message),
            JsonException json => (StatusCodes.Status400BadRequest, "Invalid JSON", json.Message),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error", "잠시 후 다시 시도해 주세요."),
        };
        context.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = error });
    }

    private sealed class SubjectUserIdProvider : Microsoft.AspNetCore.SignalR.IUserIdProvider
    {
        public string? GetUserId(Microsoft.AspNetCore.SignalR.HubConnectionContext connection) => connection.User?.FindFirst("sub")?.Value;
    }
}
