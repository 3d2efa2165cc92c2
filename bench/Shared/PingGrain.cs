namespace Naviyam.Bench;

/// <summary>The trivial grain call: the floor under every grain turn (scheduling, activation lookup, a Task).</summary>
[Alias("naviyam.bench.IPingGrain")]
public interface IPingGrain : IGrainWithStringKey
{
    [Alias("Ping")]
    Task<int> PingAsync(int value);
}

public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> PingAsync(int value) => Task.FromResult(value + 1);
}
