namespace Naviyam.Bench;

/// <summary>The trivial grain call: the floor under every grain turn (scheduling, activation lookup, a Task).</summary>
[Alias("naviyam.bench.IPingGrain")]
public interface IPingGrain : IGrainWithStringKey
{
    [Alias("Ping")]
    Task<int> PingAsync(int value);

    /// <summary>
    /// A session's last ping: the activation leaves once idle, so a baseline that plays hundreds of thousands of short
    /// sessions does not keep as many activations.
    /// </summary>
    [Alias("LastPing")]
    Task<int> LastPingAsync(int value);
}

public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);

    public Task<int> LastPingAsync(int value)
    {
        DeactivateOnIdle();
        return Task.FromResult(value + 1);
    }
}
