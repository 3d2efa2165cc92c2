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

/// <summary>The calibrated confidence below which the bot asks a short clarifying question instead of guessing.</summary>
public static class NluConfidence
{
    public const double AskBelow = 0.45;
}
