using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using ProblemDetailsOptions = Microsoft.AspNetCore.Http.ProblemDetailsOptions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Naviyam.Gateway.Errors;

/// <summary>
/// The last <see cref="IProblemDetailsWriter"/>: ASP.NET's own writer declines a client whose <c>Accept</c> names no
/// JSON (<c>text/html</c>, <c>application/xml</c>), and without another writer an error became a 500. The gateway
/// speaks only JSON, so every error is still problem+json, whatever the client asked for.
/// </summary>
public sealed class ProblemJsonFallbackWriter(IOptions<JsonOptions> json, IOptions<ProblemDetailsOptions> problems) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? http.TraceIdentifier);
        problems.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), json.Value.SerializerOptions, ContentType, http.RequestAborted));
    }
}
