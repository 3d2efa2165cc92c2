using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Naviyam.Bench;
using Naviyam.Chat;
using Naviyam.Shops;

namespace Naviyam.LoadTest;

/// <summary>
/// The realistic mix: each worker plays scripted sessions one after another, each session a fresh user (a generated
/// meal-card user, <c>demo-N</c>, for <see cref="MixShape.CardShare"/> of them; otherwise a new id without a card),
/// standing at a generated shop or nowhere. A subject and its baseline each get their own <see cref="MixRun"/> with
/// the same scripts, so both play the same sessions in the same order.
/// </summary>
public sealed class MixLoad(GatewayHost host, SessionScripts scripts, int cardUsers)
{
    private readonly GeoPoint[] places = host.Places(scripts.Shape.Places);
    private long nextCardUser;
    private long turnCounter;

    public SessionScripts Scripts => scripts;

    /// <summary>Card sessions so far; beyond <c>cardUsers</c> the generated card users are reused.</summary>
    public long CardSessions => Interlocked.Read(ref nextCardUser);

    public int CardUsers => cardUsers;

    /// <param name="baseline">A baseline's sessions play the same scripts without taking card users (they read no card).</param>
    public MixRun NewRun(string prefix, int workers, bool baseline, int captureSessions = 0) => new(this, prefix, workers, baseline, captureSessions);

    internal string NextTurnId() => "m" + Interlocked.Increment(ref turnCounter).ToString(CultureInfo.InvariantCulture);

    internal string CardUser() => $"demo-{Interlocked.Increment(ref nextCardUser) % cardUsers + 1}";

    internal GeoPoint? Place(SessionScript script) => script.Place is { } p ? places[p % places.Length] : null;

    /// <summary>
    /// A trivial grain call on the session's key: a fresh session activates a fresh grain, as a turn does. The session's
    /// last call lets the activation go: the baseline plays far more sessions than the subject and would otherwise fill
    /// the heap with them.
    /// </summary>
    public static Func<int, long, Task> InSiloPing(MixRun run, GatewayHost host) =>
        (worker, sequence) =>
        {
            var (session, _, last) = run.NextTurn(worker);
            var grain = host.Grains.GetGrain<IPingGrain>(session.SessionId);
            return last ? grain.LastPingAsync(0) : grain.PingAsync(0);
        };

    public static Func<int, long, Task> InSiloTurn(MixRun run, GatewayHost host, StageTotals stages) =>
        async (worker, sequence) =>
        {
            var (session, text, _) = run.NextTurn(worker);
            var reply = await host.Grains.GetGrain<IConversationGrain>(session.SessionId).TakeTurnAsync(
                new ChatTurn(session.UserId, run.Load.NextTurnId(), text, session.Location, session.Script.Age));
            stages.Add(WireTimings.From(reply.Timings));
        };

    /// <summary>
    /// SignalR: a fresh user connects, so each session opens its own connection (with its own token) before its first
    /// turn, and that turn's latency includes the connect; the echo baseline connects the same way.
    /// </summary>
    public static Func<int, long, Task> SignalR(MixRun run, GatewayHost host, string hubPath, string method, StageTotals? stages) =>
        async (worker, sequence) =>
        {
            var (session, text, _) = run.NextTurn(worker);
            var state = run.Worker(worker);
            if (state.Connection is null || state.ConnectedFor != session.SessionId)
            {
                if (state.Connection is { } old)
                {
                    await old.DisposeAsync();
                }
                state.Connection = TurnLoad.Connection(host.BaseAddress, hubPath, host.TokenFor(session.UserId));
                state.ConnectedFor = session.SessionId;
                await state.Connection.StartAsync();
            }
            var request = session.Request(text, run.Load.NextTurnId());
            if (stages is null)
            {
                await state.Connection.InvokeAsync<WireRequest>(method, request);
            }
            else
            {
                stages.Add((await state.Connection.InvokeAsync<WireReply>(method, request)).Timings);
            }
        };

    /// <summary>REST: each session signs in as its own user (a token per session) over the shared connection pool.</summary>
    public static Func<int, long, Task> Rest(MixRun run, HttpClient client, GatewayHost host, string path, StageTotals? stages) =>
        async (worker, sequence) =>
        {
            var (session, text, _) = run.NextTurn(worker);
            session.Token ??= host.TokenFor(session.UserId);
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(session.Request(text, run.Load.NextTurnId())) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            if (stages is null)
            {
                _ = await response.Content.ReadFromJsonAsync<WireRequest>();
            }
            else
            {
                stages.Add((await response.Content.ReadFromJsonAsync<WireReply>())?.Timings);
            }
        };
}

/// <summary>One side's sessions: a shared session counter, each worker's current session and its position.</summary>
public sealed class MixRun(MixLoad load, string prefix, int workers, bool baseline, int captureSessions)
{
    private readonly WorkerState[] states = Enumerable.Range(0, workers).Select(_ => new WorkerState()).ToArray();
    private readonly List<MixSession> captured = [];
    private long nextSession = -1;
    private long turns;

    public MixLoad Load => load;

    public long Sessions => Interlocked.Read(ref nextSession) + 1;

    public long Turns => Interlocked.Read(ref turns);

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal WorkerState Worker(int worker) => states[worker];

    /// <summary>The worker's next turn: the next line of its session, or the first of a new session; and whether it is the session's last.</summary>
    public (MixSession Session, string Text, bool Last) NextTurn(int worker)
    {
        var state = states[worker];
        if (state.Session is null || state.Position >= state.Session.Script.Turns.Count)
        {
            var index = Interlocked.Increment(ref nextSession);
            var script = load.Scripts.For(index);
            var user = script.HasCard && !baseline ? load.CardUser() : $"{prefix}-u{index.ToString(CultureInfo.InvariantCulture)}";
            state.Session = new MixSession(script, $"{prefix}-s{index.ToString(CultureInfo.InvariantCulture)}", user, load.Place(script));
            state.Position = 0;
            if (index < captureSessions)
            {
                lock (captured)
                {
                    captured.Add(state.Session);
                }
            }
        }
        Interlocked.Increment(ref turns);
        var text = state.Session.Script.Turns[state.Position++];
        return (state.Session, text, state.Position == state.Session.Script.Turns.Count);
    }

    /// <summary>
    /// The first sessions this run played, in the evaluation query-file format (<c>eval/queries</c>), so that the
    /// micro-benchmarks replay the query shapes of a load run with the replay test's own reader.
    /// </summary>
    public void SaveCapture(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path);
        lock (captured)
        {
            foreach (var session in captured.OrderBy(s => s.Script.Index))
            {
                var line = new Dictionary<string, object?>
                {
                    ["id"] = $"mix-{session.Script.Index:D6}",
                    ["dataset"] = "mix",
                    ["turns"] = session.Script.Turns,
                    ["user"] = new Dictionary<string, object?> { ["age"] = session.Script.Age, ["card"] = session.Script.HasCard },
                };
                if (session.Location is { } at)
                {
                    line["location"] = new { lat = at.Latitude, lng = at.Longitude };
                }
                writer.WriteLine(JsonSerializer.Serialize(line, Readable));
            }
        }
    }

    public async Task DisposeConnectionsAsync()
    {
        foreach (var state in states)
        {
            if (state.Connection is { } connection)
            {
                await connection.DisposeAsync();
                state.Connection = null;
            }
        }
    }

    internal sealed class WorkerState
    {
        public MixSession? Session { get; set; }
        public int Position { get; set; }
        public HubConnection? Connection { get; set; }
        public string? ConnectedFor { get; set; }
    }
}

/// <summary>A session being played: its script, its key, its user and place.</summary>
public sealed class MixSession(SessionScript script, string sessionId, string userId, GeoPoint? location)
{
    public SessionScript Script => script;
    public string SessionId => sessionId;
    public string UserId => userId;
    public GeoPoint? Location => location;
    public string? Token { get; set; }

    public WireRequest Request(string text, string turnId) =>
        new(sessionId, text, turnId, location is { } at ? new WireLocation(at.Latitude, at.Longitude) : null, script.Age);
}
