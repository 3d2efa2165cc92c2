using Naviyam.Chat;

namespace Naviyam.Logging;

/// <summary>One NLU prediction as <c>nlu_training_data</c> keeps it, for labelling and retraining.</summary>
public sealed record NluPrediction(string Text, string NormalizedText, NluResult Result, string ModelVersion, DateTimeOffset At);

/// <summary>Where batches of predictions end up: the <c>nlu_training_data</c> table, or nowhere on the embedded default.</summary>
public interface INluPredictionSink
{
    Task WriteAsync(IReadOnlyList<NluPrediction> batch, CancellationToken cancellationToken);
}
