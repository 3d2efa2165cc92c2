using Microsoft.AspNetCore.Http.HttpResults;
using Naviyam.Gateway.Operators;
using Naviyam.Hosting;

namespace Naviyam.Gateway.Telemetry;

/// <summary>The gateway's turn metrics and threshold alerts, and the operators' view of the alerts.</summary>
public static class TelemetryEndpoints
{
    public static IServiceCollection AddTurnTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<AlertOptions>(configuration, AlertOptions.Section);
        services.AddSingleton<ThresholdAlerts>();
        services.AddSingleton<TurnMetrics>();
        services.AddHostedService<AlertEvaluator>();
        services.AddHostedService<ActiveSessions>();
        return services;
    }

    public static IEndpointRouteBuilder MapOperatorAlerts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/operator/alerts", GetAlerts).RequireOperator();
        return app;
    }

    /// <summary>
    /// Every threshold rule as judged now over its window: the value, how many samples, whether it fires and since
    /// when (an operator token).
    /// </summary>
    public static Ok<AlertsView> GetAlerts(ThresholdAlerts alerts)
    {
        var statuses = alerts.Evaluate();
        return TypedResults.Ok(new AlertsView(statuses.Any(a => a.Firing), statuses));
    }
}

public sealed record AlertsView(bool Firing, IReadOnlyList<AlertStatus> Alerts);
