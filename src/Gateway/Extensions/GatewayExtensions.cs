using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.IdentityModel.Tokens;
using Naviyam.Gateway.Auth;
using Naviyam.Gateway.Chat;
using Naviyam.Gateway.Diagnostics;
using Naviyam.Gateway.Errors;
using Naviyam.Gateway.Me;
using Naviyam.Gateway.Operators;
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
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AuthOptions>, AuthOptionsValidator>();
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
                    // The subject is the user: a validly signed token without one names nobody, so it is refused
                    // like an invalid one (401) instead of failing later where the user is needed.
                    OnTokenValidated = context =>
                    {
                        if (string.IsNullOrWhiteSpace(context.Principal?.FindFirst("sub")?.Value))
                        {
                            context.Fail("The token has no subject (sub).");
                        }
                        return Task.CompletedTask;
                    },
                };
            });
        builder.Services.AddAuthorization();

        builder.Services.AddProblemDetails();
        // After ASP.NET's own writer, which answers clients that accept JSON; this one answers every other client.
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        builder.Services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = 64 * 1024;
                options.AddFilter<HubErrorFilter>();
            })
            .AddJsonProtocol(options => ConfigureJson(options.PayloadSerializerOptions));
        builder.Services.AddSingleton<Microsoft.AspNetCore.SignalR.IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.AddChatFrontDoor();
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
