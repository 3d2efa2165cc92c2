using Microsoft.AspNetCore.Http.HttpResults;
using Naviyam.Gateway.Chat;

namespace Naviyam.Gateway.Diagnostics;

/// <summary>
/// The echo baselines the benchmarks measure chat turns against: <c>POST /api/echo</c> (authentication and JSON both
/// ways, no grain call) and the <see cref="EchoHub"/>, each with the same contracts as its chat counterpart.
/// </summary>
public static class EchoApi
{
    public static IEndpointRouteBuilder MapEchoBaselines(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/echo", Echo).RequireAuthorization();
        app.MapHub<EchoHub>(EchoHub.Path);
        return app;
    }

    /// <summary>The request back, unchanged: the baseline a chat turn is measured against.</summary>
    public static Ok<ChatRequest> Echo(ChatRequest request) => TypedResults.Ok(request);
}
