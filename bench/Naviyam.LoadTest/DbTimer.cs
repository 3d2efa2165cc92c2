using System.Diagnostics;

namespace Naviyam.LoadTest;

/// <summary>
/// Adds up the time of every MySQL command (MySqlConnector's activities) inside measurement windows: the database's
/// share of a turn's time, grain storage and the turn journal alike.
/// </summary>
public sealed class DbTimer : IDisposable
{
    private readonly ActivityListener listener;
    private long ticks;
    private long commands;

    public DbTimer()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MySqlConnector",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (ClosedLoop.IsMeasuring)
                {
                    Interlocked.Add(ref ticks, activity.Duration.Ticks);
                    Interlocked.Increment(ref commands);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public double Micros => Interlocked.Read(ref ticks) / (double)TimeSpan.TicksPerMicrosecond;

    public long Commands => Interlocked.Read(ref commands);

    public void Reset()
    {
        Interlocked.Exchange(ref ticks, 0);
        Interlocked.Exchange(ref commands, 0);
    }

    public void Dispose() => listener.Dispose();
}
