using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Naviyam.Gateway.Telemetry;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Telemetry;

/// <summary>The rules' arithmetic on a clock the test moves: windows, minimum samples, percentiles, firing and clearing.</summary>
public sealed class ThresholdAlertsTests : IDisposable
{
    private readonly SettableTimeProvider clock = new(new DateTimeOffset(2025, 9, 3, 3, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private ThresholdAlerts Alerts(int minSamples = 4) => new(
        Options.Create(new AlertOptions { Window = TimeSpan.FromMinutes(1), MinSamples = minSamples }), clock,
        services.GetRequiredService<IMeterFactory>(), NullLogger<ThresholdAlerts>.Instance);

    private static AlertStatus Rule(IReadOnlyList<AlertStatus> statuses, string name) => statuses.Single(s => s.Name == name);

    [Fact]
    public void Too_few_samples_are_not_judged()
    {
        using var alerts = Alerts();
        for (var i = 0; i < 3; i++)
        {
            alerts.TurnAnswered(TimeSpan.FromSeconds(2), 0.1, 3);
        }

        alerts.Evaluate().Should().OnlyContain(s => s.Value == null && !s.Firing);
    }

    [Fact]
    public void The_95th_percentile_decides_and_one_slow_turn_in_twenty_does_not_fire()
    {
        using var alerts = Alerts();
        for (var i = 0; i < 19; i++)
        {
            alerts.TurnAnswered(TimeSpan.FromMilliseconds(40), 0.9, 0);
        }
        alerts.TurnAnswered(TimeSpan.FromSeconds(3), 0.9, 0);
        Rule(alerts.Evaluate(), ThresholdAlerts.ResponseTime).Should().Match<AlertStatus>(s => s.Value == 40 && !s.Firing);

        alerts.TurnAnswered(TimeSpan.FromSeconds(3), 0.9, 0);
        Rule(alerts.Evaluate(), ThresholdAlerts.ResponseTime).Should().Match<AlertStatus>(s => s.Value == 3000 && s.Firing);
    }

    [Fact]
    public void An_alert_clears_once_its_slow_turns_leave_the_window()
    {
        using var alerts = Alerts();
        for (var i = 0; i < 4; i++)
        {
            alerts.TurnAnswered(TimeSpan.FromSeconds(1), 0.9, 0);
        }
        var raised = Rule(alerts.Evaluate(), ThresholdAlerts.ResponseTime);
        raised.Firing.Should().BeTrue();
        raised.Since.Should().Be(clock.UtcNow);

        clock.UtcNow += TimeSpan.FromMinutes(2);
        for (var i = 0; i < 4; i++)
        {
            alerts.TurnAnswered(TimeSpan.FromMilliseconds(30), 0.9, 0);
        }
        Rule(alerts.Evaluate(), ThresholdAlerts.ResponseTime).Should().Match<AlertStatus>(s => !s.Firing && s.Since == null && s.Samples == 4);
    }

    [Fact]
    public void Low_confidence_fires_the_nlu_rule_and_the_click_rate_waits_for_feedback()
    {
        using var alerts = Alerts();
        for (var i = 0; i < 4; i++)
        {
            alerts.TurnAnswered(TimeSpan.FromMilliseconds(30), 0.6, 3);
        }
        var statuses = alerts.Evaluate();
        Rule(statuses, ThresholdAlerts.NluAccuracy).Should().Match<AlertStatus>(s => s.Value == 0.6 && s.Firing);
        Rule(statuses, ThresholdAlerts.RecommendationCtr).Value.Should().BeNull("no feedback is recorded yet, so no click rate is judged");

        alerts.FeedbackRecorded(selected: true);
        Rule(alerts.Evaluate(), ThresholdAlerts.RecommendationCtr).Should().Match<AlertStatus>(s => s.Value == 0.0833 && s.Firing && s.Samples == 12);
    }

    public void Dispose() => services.Dispose();
}
