using Microsoft.Extensions.Options;

namespace Naviyam.Gateway.Telemetry;

/// <summary>Judges the threshold rules every <see cref="AlertOptions.EvaluateEvery"/>, so an alert is raised without anyone asking.</summary>
public sealed class AlertEvaluator(ThresholdAlerts alerts, IOptions<AlertOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EvaluateEvery, time);
        alerts.Evaluate(); // every rule is on show from the start, judged or not
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                alerts.Evaluate();
            }
        }
        catch (OperationCanceledException)
        {
            // the host is stopping
        }
    }
}
