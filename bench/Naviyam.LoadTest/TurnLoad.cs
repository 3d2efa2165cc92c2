using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Naviyam.Bench;
using Naviyam.Chat;
using Naviyam.Shops;

namespace Naviyam.LoadTest;

/// <summary>The operations the closed loops run: in-silo grain calls, SignalR hub calls and REST calls.</summary>
public sealed class TurnLoad(GatewayHost host)
{
    private static long turnCounter;
    private readonly string[] messages = BenchInputs.Messages(foodSeekingOnly: true).ToArray();
    private readonly GeoPoint[] places = host.Places(256);

    public int MessageCount => messages.Length;

    private static string NextTurnId() => "t" + Interlocked.Increment(ref turnCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string Message(int worker, long sequence) => messages[(int)((worker * 7 + sequence) % messages.Length)];

    private GeoPoint Place(int worker) => places[worker % places.Length];

    private WireRequest Request(string sessionId, int worker, long sequence) =>
        new(sessionId, Message(worker, sequence), NextTurnId(), new WireLocation(Place(worker).Latitude, Place(worker).Longitude), null);

    /// <summary>The trivial grain call on the session's key: the floor of an in-silo turn.</summary>
    public Func<int, long, Task> InSiloPing(string prefix) =>
        (worker, sequence) => host.Grains.GetGrain<IPingGrain>($"{prefix}-s{worker}").PingAsync((int)sequence);

    /// <summary>A warm chat turn straight into the session's <c>ConversationGrain</c> from inside the silo's process.</summary>
    public Func<int, long, Task> InSiloTurn(string prefix, StageTotals stages, int users) =>
        async (worker, sequence) =>
        {
            var reply = await host.Grains.GetGrain<IConversationGrain>($"{prefix}-s{worker}").TakeTurnAsync(
                new ChatTurn($"demo-{worker % users + 1}", NextTurnId(), Message(worker, sequence), Place(worker), null));
            stages.Add(WireTimings.From(reply.Timings));
        };

    public async Task<HubConnection[]> ConnectAsync(string hubPath, string userPrefix, int count)
    {
        var connections = new HubConnection[count];
        for (var i = 0; i < count; i++)
        {
            var token = host.TokenFor($"{userPrefix}-u{i}");
            connections[i] = Connection(host.BaseAddress, hubPath, token);
            connections[i].On<string, JsonElement>("ReceiveReply", (_, _) => { });
            await connections[i].StartAsync();
        }
        return connections;
    }

    public static HubConnection Connection(Uri baseAddress, string hubPath, string token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, hubPath), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .AddJsonProtocol(options =>
            {
                options.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
                options.PayloadSerializerOptions.PropertyNameCaseInsensitive = true;
            })
            .Build();

    public Func<int, long, Task> SignalREcho(HubConnection[] connections, string userPrefix) =>
        (worker, sequence) => connections[worker].InvokeAsync<WireRequest>("Echo", Request($"{userPrefix}-s{worker}", worker, sequence));

    public Func<int, long, Task> SignalRChat(HubConnection[] connections, string userPrefix, StageTotals stages) =>
        async (worker, sequence) =>
        {
            var reply = await connections[worker].InvokeAsync<WireReply>("SendMessage", Request($"{userPrefix}-s{worker}", worker, sequence));
            stages.Add(reply.Timings);
        };

    public HttpClient[] RestClients(string userPrefix, int count, HttpMessageHandler handler) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = host.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor($"{userPrefix}-u{i}"));
            return client;
        }).ToArray();

    public Func<int, long, Task> RestEcho(HttpClient[] clients, string userPrefix) =>
        async (worker, sequence) =>
        {
            using var response = await clients[worker].PostAsJsonAsync("/api/echo", Request($"{userPrefix}-s{worker}", worker, sequence));
            response.EnsureSuccessStatusCode();
            _ = await response.Content.ReadFromJsonAsync<WireRequest>();
        };

    public Func<int, long, Task> RestChat(HttpClient[] clients, string userPrefix, StageTotals stages) =>
        async (worker, sequence) =>
        {
            using var response = await clients[worker].PostAsJsonAsync("/api/chat", Request($"{userPrefix}-s{worker}", worker, sequence));
            response.EnsureSuccessStatusCode();
            var reply = await response.Content.ReadFromJsonAsync<WireReply>();
            stages.Add(reply?.Timings);
        };
}
