using Naviyam.Chat;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu;

/// <summary>Intent and entities of one preprocessed message. Stateless: sessions add context elsewhere.</summary>
public interface INluEngine
{
    /// <summary>Identifies the model behind the answers, stored with every logged prediction.</summary>
    string ModelVersion { get; }

    NluResult Analyze(PreprocessedText text);
}

/// <summary>When an NLU answer is sure enough to act on, and when the conversation should ask back instead.</summary>
public static class NluConfidence
{
    /// <summary>Below this calibrated confidence the caller asks a clarifying question instead of guessing.</summary>
    public const double ClarifyThreshold = 0.45;

    public static bool IsConfident(NluResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Confidence >= ClarifyThreshold;
    }
}
