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
