using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Naviyam.IntegrationTests.Api;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Telemetry;

/// <summary>What Prometheus reads at <c>/metrics</c> after real turns through the real gateway.</summary>
[Collection(MetricsCollection.Name)]
public class MetricsScrapeTests(GeneratedCityFactory factory) : IClassFixture<GeneratedCityFactory>
{
    [Fact]
    public async Task A_scrape_after_turns_holds_turns_stage_latencies_caches_sessions_alerts_and_orleans()
    {
        using var client = await factory.ClientForAsync("metrics-user");
        await client.ChatAsync("metrics-user", "metrics-session", "배고픈데 5천원밖에 없어");
        await client.ChatAsync("metrics-user", "metrics-session", "배고픈데 5천원밖에 없어"); // the same text again: an NLU cache hit

        // Each test gateway in this process exports every gateway's instruments; the sessions gauge says whose cluster it counts.
        var cluster = factory.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;
        var sessionsActive = new Regex($@"naviyam_sessions_active\{{[^}}]*cluster=""{cluster}""[^}}]*\}} [1-9]");
        using var http = new HttpClient { BaseAddress = factory.BaseAddress };
        string text = "";
        // The sessions gauge is polled in the background and the exporter caches a scrape briefly: wait for both.
        for (var attempt = 0; attempt < 60 && !sessionsActive.IsMatch(text); attempt++)
        {
            using var response = await http.GetAsync("/metrics");
            response.StatusCode.Should().Be(HttpStatusCode.OK, "Prometheus scrapes without a token");
            text = await response.Content.ReadAsStringAsync();
            await Task.Delay(500);
        }

        text.Should().MatchRegex(@"naviyam_turns_total\{[^}]*intent=""[a-z_]+""[^}]*\} [1-9]", "turns are counted by intent");
        text.Should().Contain("naviyam_turn_duration_seconds_bucket{");
        foreach (var stage in new[] { "preprocess", "context", "nlu", "retrieval", "ranking", "coupons", "reply", "logging" })
        {
            text.Should().Contain($"naviyam_turn_stage_duration_seconds_bucket{{otel_scope_name=\"Naviyam.Gateway\",stage=\"{stage}\"", $"stage {stage} has a histogram");
        }
        text.Should().Contain("naviyam_nlu_confidence_bucket{");
        text.Should().Contain("naviyam_nlu_cache_hits_total").And.Contain("naviyam_nlu_cache_misses_total");
        text.Should().Contain("naviyam_recommendations_shown_total");
        sessionsActive.IsMatch(text).Should().BeTrue("the session just used is active");
        text.Should().Contain("naviyam_alerts_firing{").And.Contain("alert=\"response_time\"");
        text.Should().Contain("otel_scope_name=\"Microsoft.Orleans\"", "Orleans' own meter is exported");
    }
}

/// <summary>
/// The tests that read /metrics run alone: every OpenTelemetry provider in a process sees every host's instruments of
/// the same name, so another test gateway running at the same time could stand in for the one scraped.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
