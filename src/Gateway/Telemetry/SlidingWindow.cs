namespace Naviyam.Gateway.Telemetry;

/// <summary>
/// The samples of the last <see cref="Length"/>, oldest dropped first (also beyond <see cref="Capacity"/>, so a burst
/// cannot grow it without bound). Thread-safe; a read copies the samples still inside the window.
/// </summary>
public sealed class SlidingWindow(TimeSpan length, TimeProvider time, int capacity = 10_000)
{
    private readonly Queue<(DateTimeOffset At, double Value)> samples = new();

    public TimeSpan Length { get; } = length;

    public int Capacity { get; } = capacity;

    public void Add(double value)
    {
        lock (samples)
        {
            samples.Enqueue((time.GetUtcNow(), value));
            Trim();
        }
    }

    public double[] Values()
    {
        lock (samples)
        {
            Trim();
            return [.. samples.Select(s => s.Value)];
        }
    }

    private void Trim()
    {
        var oldest = time.GetUtcNow() - Length;
        while (samples.Count > 0 && (samples.Count > Capacity || samples.Peek().At < oldest))
        {
            samples.Dequeue();
        }
    }
}
