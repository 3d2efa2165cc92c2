using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Gateway.OpenApi;
using Naviyam.IntegrationTests.Api;

namespace Naviyam.IntegrationTests.Integrators;

/// <summary>The OpenAPI document as an integrator downloads it from the running gateway.</summary>
public class OpenApiDocumentTests(GeneratedCityFactory factory) : IClassFixture<GeneratedCityFactory>
{
    [Fact]
    public async Task Every_http_endpoint_is_described_with_its_auth_and_an_example_body()
    {
        using var http = new HttpClient { BaseAddress = factory.BaseAddress };
        using var response = await http.GetAsync(OpenApiExtensions.DocumentPath);
        response.StatusCode.Should().Be(HttpStatusCode.OK, "the document is public: it describes, it grants nothing");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");

        var described = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<MethodInfo>() is not null)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Where(e => !e.RoutePattern.RawText!.TrimStart('/').StartsWith("dashboard", StringComparison.Ordinal)) // the Orleans Dashboard's internals
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .ToHashSet();
        mapped.Should().Contain(["POST /api/chat", "GET /api/me/card", "POST /v1/chat/completions"]);
        described.Should().BeEquivalentTo(mapped);
        described.Should().NotContain(route => route.Contains("/dashboard", StringComparison.Ordinal));

        var chat = paths.GetProperty("/api/chat").GetProperty("post");
        chat.GetProperty("security").GetArrayLength().Should().Be(1, "the chat needs a bearer token");
        chat.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().Contain(["200", "400", "401"]);
        chat.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example")
            .GetProperty("text").GetString().Should().Be("배고픈데 5천원밖에 없어");
        paths.GetProperty("/v1/chat/completions").GetProperty("post").GetProperty("summary").GetString()
            .Should().Contain("Answers the conversation's last user message", "the handlers' XML comments describe the operations");
        described.Where(route => !Summarized(paths, route)).Should().BeEmpty("every operation has a summary");
        paths.GetProperty("/api/auth/dev-token").GetProperty("post").TryGetProperty("security", out _).Should().BeFalse("signing in needs no token");
        document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString().Should().Be("bearer");

        foreach (var route in RequestExamples.Routes)
        {
            var (method, path) = (route.Split(' ')[0].ToLowerInvariant(), route.Split(' ')[1]);
            paths.GetProperty(path).GetProperty(method).GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
                .TryGetProperty("example", out _).Should().BeTrue($"{route} has an example body");
        }
    }

    private static bool Summarized(JsonElement paths, string route) =>
        paths.GetProperty(route.Split(' ')[1]).GetProperty(route.Split(' ')[0].ToLowerInvariant()).TryGetProperty("summary", out var summary)
        && !string.IsNullOrWhiteSpace(summary.GetString());

    [Fact]
    public void The_http_file_has_a_request_for_every_example()
    {
        var file = File.ReadAllText(Path.Combine(Infrastructure.SharedData.RepositoryRoot, "src", "Gateway", "Naviyam.http"));
        foreach (var route in RequestExamples.Routes)
        {
            var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
            file.Should().Contain($"{method} {{{{base}}}}{path}", $"the .http file shows {route}");
        }
    }
}
