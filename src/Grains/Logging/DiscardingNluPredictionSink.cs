namespace Naviyam.Logging;

/// <summary>The embedded default keeps no training data.</summary>
public sealed class DiscardingNluPredictionSink : INluPredictionSink
{
    public Task WriteAsync(IReadOnlyList<NluPrediction> batch, CancellationToken cancellationToken) => Task.CompletedTask;
}
