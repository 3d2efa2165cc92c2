using System.ComponentModel.DataAnnotations;

namespace Naviyam.Lexicons;

/// <summary>
/// Bound from <c>Naviyam:DataPaths</c>: where the team's data files are (lexicons, category table, NLU corpus and
/// model). By default the <c>data/</c> folder shipped beside the binaries; tests and tools may construct it directly.
/// </summary>
public sealed class DataPaths
{
    public const string Section = "Naviyam:DataPaths";

    [Required(AllowEmptyStrings = false)]
    public string Root { get; set; } = Path.Combine(AppContext.BaseDirectory, "data");

    public string Lexicon(string fileName) => Path.Combine(Root, "lexicons", fileName);

    public string Catalog(string fileName) => Path.Combine(Root, "catalog", fileName);

    /// <summary>The shipped gazetteer and its aliases: <c>places/</c>.</summary>
    public string Place(string fileName) => Path.Combine(Root, "places", fileName);

    /// <summary>The trained intent classifier: <c>models/nlu/intent.onnx</c>.</summary>
    public string IntentModel => Path.Combine(Root, "models", "nlu", "intent.onnx");
}
