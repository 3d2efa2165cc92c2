using Microsoft.AspNetCore.Http.HttpResults;
using Naviyam.Learning;

namespace Naviyam.Gateway.Operators;

/// <summary><c>GET /operator/ab?days=N</c>: click and order rates per ranking arm over the last N days (default 7), for operators.</summary>
public static class AbReportApi
{
    public const int MaxDays = 365;

    public static IEndpointRouteBuilder MapAbReportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/operator/ab", GetAsync).RequireOperator();
        return app;
    }

    /// <summary>Click and order rates per ranking arm (Wide&amp;Deep, heuristic) over the last <c>days</c> days (default 7, 1–365), with their 95 % margins.</summary>
    public static async Task<Results<Ok<AbReport>, ValidationProblem>> GetAsync(int? days, IGrainFactory grains)
    {
        if (days is < 1 or > MaxDays)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [$"days must be between 1 and {MaxDays}."] },
                title: "Invalid request");
        }
        return TypedResults.Ok(await grains.GetGrain<ILearningReportGrain>(0).GetAbReportAsync(TimeSpan.FromDays(days ?? 7)));
    }
}
