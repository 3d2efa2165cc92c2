using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;

namespace Naviyam.Gateway.OpenApi;

/// <summary>
/// The OpenAPI document of every HTTP endpoint at <see cref="DocumentPath"/>: summaries from the handlers' XML comments,
/// the bearer scheme on the endpoints that need a token, and an example body for each request (<see cref="RequestExamples"/>).
/// </summary>
public static class OpenApiExtensions
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddNaviyamOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // The Orleans Dashboard's own JSON routes are its page's internals, not an API we offer.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("dashboard", StringComparison.Ordinal) != true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Naviyam",
                    Version = "v1",
                    Description = "급식카드 meal finder for children and teens: chat (REST, SignalR /hubs/chat, OpenAI-compatible /v1), "
                        + "the user's card, coupons and orders. Every user call needs `Authorization: Bearer <JWT>`; the token's subject is the user.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A token whose `sub` is the user (in Development: POST /api/auth/dev-token).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                    operation.Responses ??= new OpenApiResponses();
                    operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No token, or one that is expired or not ours." });
                }
                var route = $"{context.Description.HttpMethod} /{context.Description.RelativePath}";
                if (RequestExamples.For(route) is { } example
                    && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
                {
                    body.Example = example;
                }
                operation.Tags ??= new HashSet<OpenApiTagReference>();
                if (operation.Tags.Count == 0)
                {
                    operation.Tags.Add(new OpenApiTagReference(Tag(context.Description.RelativePath ?? ""), context.Document));
                }
                return Task.CompletedTask;
            });
        });

    public static IEndpointRouteBuilder MapNaviyamOpenApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        return app;
    }

    private static string Tag(string path) => path switch
    {
        _ when path.StartsWith("api/me", StringComparison.Ordinal) => "Me",
        _ when path.StartsWith("api/operator", StringComparison.Ordinal) => "Operators",
        _ when path.StartsWith("api/auth", StringComparison.Ordinal) => "Auth",
        _ when path.StartsWith("v1/", StringComparison.Ordinal) => "OpenAI-compatible",
        _ when path.StartsWith("api/echo", StringComparison.Ordinal) => "Diagnostics",
        _ => "Chat",
    };
}
