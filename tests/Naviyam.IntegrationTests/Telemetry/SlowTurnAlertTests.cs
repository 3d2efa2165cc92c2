using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Naviyam.Gateway.Telemetry;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Telemetry;

/// <summary>
/// Turns made slow for real (an Orleans call filter holds every session grain's turn 600 ms) raise the response-time
/// alert: a log event, the <c>naviyam.alerts.firing</c> metric and the operators' endpoint.
/// </summary>
[Collection(MetricsCollection.Name)]
public class SlowTurnAlertTests(SlowTurnAlertTests.SlowTurnsFactory factory) : IClassFixture<SlowTurnAlertTests.SlowTurnsFactory>
{
    [Fact]
    public async Task Slow_turns_raise_the_response_time_alert_everywhere_operators_look()
    {
        using var client = await factory.ClientForAsync("slow-user");
        for (var i = 0; i < SlowTurnsFactory.MinSamples; i++)
        {
            await client.ChatAsync("slow-user", "slow-session", $"떡볶이 {i + 1}인분 먹고 싶어");
        }

        using var operators = new HttpClient { BaseAddress = factory.BaseAddress };
        operators.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", factory.OperatorToken());
        var view = await operators.GetFromJsonAsync<AlertsView>("/api/operator/alerts");
        var responseTime = view!.Alerts.Single(a => a.Name == ThresholdAlerts.ResponseTime);
        responseTime.Firing.Should().BeTrue();
        responseTime.Value.Should().BeGreaterThan(500);
        responseTime.Samples.Should().Be(SlowTurnsFactory.MinSamples);
        view.Firing.Should().BeTrue();

        factory.Logs.Should().Contain(log => log.EventId == ThresholdAlerts.Raised && log.Message.Contains("response_time", StringComparison.Ordinal));

        using var anonymous = new HttpClient { BaseAddress = factory.BaseAddress };
        var metrics = "";
        for (var attempt = 0; attempt < 20 && !metrics.Contains("alert=\"response_time\"} 1", StringComparison.Ordinal); attempt++)
        {
            metrics = await anonymous.GetStringAsync("/metrics");
            await Task.Delay(500);
        }
        metrics.Should().MatchRegex(@"naviyam_alerts_firing\{[^}]*alert=""response_time""\} 1");

        using var chatUser = await factory.ClientForAsync("slow-user");
        (await chatUser.GetAsync("/api/operator/alerts")).StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden, "alerts are for operators");
    }

    public sealed class SlowTurnsFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
    {
        ["Naviyam:Data:GenerateShops"] = "300",
        ["Naviyam:Data:GenerateUsers"] = "3",
        ["Naviyam:Alerts:MinSamples"] = MinSamples.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Naviyam:Alerts:EvaluateEvery"] = "00:00:00.200",
    })
    {
        public const int MinSamples = 5;

        public ConcurrentQueue<(EventId EventId, string Message)> Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IIncomingGrainCallFilter, SlowTurns>();
                services.AddSingleton<ILoggerProvider>(new CollectingLoggerProvider(Logs));
            });
        }
    }

    /// <summary>Holds every turn of a session grain for 600 ms before it runs.</summary>
    private sealed class SlowTurns : IIncomingGrainCallFilter
    {
        public async Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.InterfaceMethod?.Name == nameof(Naviyam.Chat.IConversationGrain.TakeTurnAsync))
            {
                await Task.Delay(600);
            }
            await context.Invoke();
        }
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<(EventId, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Collector(logs);

        public void Dispose()
        {
        }

        private sealed class Collector(ConcurrentQueue<(EventId, string)> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue((eventId, formatter(state, exception)));
        }
    }
}
