using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Naviyam.Logging;

/// <summary>
/// Takes every prediction off the turn's critical path: <see cref="Record"/> only enqueues (dropping the oldest when
/// the writer falls far behind, since training data may trail but a turn must never wait), and a background loop
/// writes batches.
/// </summary>
public sealed class NluPredictionLog(INluPredictionSink sink, ILogger<NluPredictionLog> logger) : BackgroundService
{
    private const int MaxBatch = 500;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);

    private readonly Channel<NluPrediction> queue = Channel.CreateBounded<NluPrediction>(new BoundedChannelOptions(50_000)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    private long recorded;
    private long written;

    public long Recorded => Interlocked.Read(ref recorded);

    public long Written => Interlocked.Read(ref written);

    public void Record(NluPrediction prediction)
    {
        Interlocked.Increment(ref recorded);
        queue.Writer.TryWrite(prediction);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<NluPrediction>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var deadline = DateTime.UtcNow + MaxDelay;
            while (batch.Count < MaxBatch && DateTime.UtcNow < deadline)
            {
                if (queue.Reader.TryRead(out var prediction))
                {
                    batch.Add(prediction);
                }
                else
                {
                    await Task.Delay(20, stoppingToken);
                }
            }
            try
            {
                await sink.WriteAsync(batch, stoppingToken);
                Interlocked.Add(ref written, batch.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Dropped a batch of {Count} NLU predictions", batch.Count);
            }
            batch.Clear();
        }
    }
}
