using System.Security.Claims;
using Microsoft.AspNetCore.SignalR.Client;
using Naviyam.Chat;

namespace Naviyam.IntegrationTests.Reliability;

/// <summary>
/// A hub connection lives no longer than the token it was opened with: once the token expires the server closes the
/// connection, so nothing more is answered on it, and a client whose access-token factory hands out a fresh token
/// reconnects and carries on.
/// </summary>
public class HubTokenExpiryTests(ErrorContractFactory factory) : IClassFixture<ErrorContractFactory>
{
    [Fact]
    public async Task A_connection_is_closed_when_its_token_expires_and_a_fresh_token_reconnects()
    {
        var freshTokens = 0;
        var started = false;
        // Until the first start is done (negotiate, then the WebSocket) a token that expires 6 s from now (its lifetime
        // starts a minute back); every later one lasts an hour.
        var expiring = factory.Sign([new Claim("sub", "expiring-user")], TimeSpan.FromSeconds(66));
        string NextToken()
        {
            if (!Volatile.Read(ref started))
            {
                return expiring;
            }
            Interlocked.Increment(ref freshTokens);
            return factory.TokenFor("expiring-user");
        }
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.BaseAddress, "/hubs/chat"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(NextToken()))
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)])
            .Build();
        var lost = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Reconnecting += error => { lost.TrySetResult(error); return Task.CompletedTask; };
        connection.Reconnected += _ => { reconnected.TrySetResult(); return Task.CompletedTask; };
        await connection.StartAsync();
        Volatile.Write(ref started, true);
        var before = await connection.InvokeAsync<ChatReply>("SendMessage", new { sessionId = "expiring", text = "안녕" });

        var closedAfter = System.Diagnostics.Stopwatch.StartNew();
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var lostAt = closedAfter.Elapsed;
        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var after = await connection.InvokeAsync<ChatReply>("SendMessage", new { sessionId = "expiring", text = "배고파" });

        before.Reply.Should().NotBeNullOrWhiteSpace();
        lostAt.Should().BeLessThan(TimeSpan.FromSeconds(15), "the server closes the connection about when the token expires");
        freshTokens.Should().BeGreaterThanOrEqualTo(1, "the reconnect asked for a fresh token");
        after.Reply.Should().NotBeNullOrWhiteSpace();
    }
}
