using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Naviyam.Chat;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Reliability;

/// <summary>What one fuzz run saw.</summary>
public sealed record FuzzOutcome(
    IReadOnlyDictionary<int, int> Statuses,
    IReadOnlyList<string> ServerErrors,
    IReadOnlyDictionary<string, int> HubErrors,
    int HubAnswers,
    int NewTurns,
    int Orders)
{
    public string Summary =>
        "REST: " + string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))
        + $"; hub: {HubAnswers} answered, " + string.Join(", ", HubErrors.OrderBy(e => e.Key).Select(e => $"{e.Key}×{e.Value}"))
        + $"; new turns {NewTurns}, orders {Orders}";
}

/// <summary>
/// Sends <see cref="HostileInputs"/> to a running gateway: REST requests from fixed seeds with every Accept header, eight
/// at a time, then hub messages over four connections. Counts the answers, and the turns and orders that were accepted
/// (what the database may legitimately gain).
/// </summary>
public static class FuzzRun
{
    public const int RestInputs = 10_000;
    public const int HubInputs = 2_000;
    public const string InternalErrorCode = "internal_error";

    public static async Task<FuzzOutcome> RunAsync(GatewayFactory factory)
    {
        var tokens = new List<string>();
        for (var u = 0; u < 4; u++)
        {
            tokens.Add(await factory.TokenForAsync($"fuzz-{u}"));
        }
        using var http = new HttpClient { BaseAddress = factory.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var statuses = new ConcurrentDictionary<int, int>();
        var serverErrors = new ConcurrentQueue<string>();
        var newTurns = 0;
        var orders = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, RestInputs), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var random = new Random(20_251_207 + i);
            using var request = HostileInputs.Request(random, i);
            if (random.Next(10) > 0)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", random.Next(20) == 0 ? "x" + tokens[0][1..] : tokens[random.Next(tokens.Count)]);
            }
            if (HostileInputs.Accepts[random.Next(HostileInputs.Accepts.Length)] is { } accept)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }
            using var response = await http.SendAsync(request);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                serverErrors.Enqueue($"{request.Method} {request.RequestUri} -> {(int)response.StatusCode}: {body}");
            }
            else if (response.IsSuccessStatusCode && request.Method == HttpMethod.Post)
            {
                // The client made the address absolute when it sent the request.
                switch (request.RequestUri!.AbsolutePath)
                {
                    case "/api/chat" when !JsonDocument.Parse(body).RootElement.GetProperty("replayed").GetBoolean():
                        Interlocked.Increment(ref newTurns);
                        break;
                    case "/api/me/orders" when response.StatusCode == HttpStatusCode.Created:
                        Interlocked.Increment(ref orders);
                        break;
                }
            }
        });

        var hubErrors = new ConcurrentDictionary<string, int>();
        var hubAnswers = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 4), async (u, _) =>
        {
            await using var hub = await factory.HubForAsync($"fuzz-hub-{u}");
            for (var i = 0; i < HubInputs / 4; i++)
            {
                var random = new Random(7_000_000 + u * HubInputs + i);
                try
                {
                    var reply = await hub.InvokeCoreAsync<ChatReply>("SendMessage", [HostileInputs.HubMessage(random)]);
                    Interlocked.Increment(ref hubAnswers);
                    if (!reply.Replayed)
                    {
                        Interlocked.Increment(ref newTurns);
                    }
                }
                catch (HubException ex)
                {
                    var code = ex.Message.Split("HubException: ", 2) is [_, var rest] ? rest.Split(':')[0] : ex.Message;
                    hubErrors.AddOrUpdate(code, 1, (_, n) => n + 1);
                }
            }
        });
        return new FuzzOutcome(statuses, [.. serverErrors], hubErrors, hubAnswers, newTurns, orders);
    }

    /// <summary>The assertions every mode shares: every input answered, nothing 5xx, every hub error a short code.</summary>
    public static void ShouldHaveAnsweredEveryInputWithoutAServerError(this FuzzOutcome outcome)
    {
        outcome.Statuses.Values.Sum().Should().Be(RestInputs);
        outcome.ServerErrors.Should().BeEmpty();
        outcome.HubErrors.Keys.Should().NotContain(InternalErrorCode);
        outcome.HubErrors.Keys.Should().OnlyContain(code => code.Length < 40, "every hub error starts with a short code");
    }
}

/// <summary>Collects every error-level log line of a host, deliberate hub refusals aside.</summary>
public sealed class ErrorLogCounter : ILoggerProvider, ILogger
{
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>Makes this the host's logger provider too.</summary>
    public void AddTo(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(this));

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        // SignalR logs every HubException, deliberate refusals (invalid_input …) included, at error level: those are
        // answers, not failures. Anything else at error level is.
        if (logLevel >= LogLevel.Error && exception is not HubException)
        {
            Errors.Enqueue($"{formatter(state, exception)} {exception?.GetType().Name}");
        }
    }

    public void Dispose()
    {
    }
}
