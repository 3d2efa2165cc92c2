using System.Text.Json;
using System.Text.Json.Serialization;
using Naviyam.Chat;
using Naviyam.Lexicons;
using Naviyam.Nlu;
using Naviyam.Preprocessing;

namespace Naviyam.Training;

/// <summary>One labelled line of <c>data/nlu/*.jsonl</c>.</summary>
public sealed record LabelledExample(string Text, string Intent, Entities Entities)
{
    /// <summary>1-based line number in its file (0 when built in code).</summary>
    public int Line { get; init; }
}

/// <summary>Reads the labelled splits: one <c>{"text", "intent", "entities"}</c> object per line.</summary>
public static class NluDataset
{
    public const string Train = "train";
    public const string Dev = "dev";
    public const string Test = "test";

    public static string SplitPath(string dataDirectory, string split) => Path.Combine(dataDirectory, "nlu", split + ".jsonl");

    public static IReadOnlyList<LabelledExample> Load(string path)
    {
        var examples = new List<LabelledExample>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var record = JsonSerializer.Deserialize<Record>(line)
                ?? throw new InvalidDataException($"{path}:{number}: empty record");
            if (record.Text is null || record.Intent is null || !Intents.All.Contains(record.Intent))
            {
                throw new InvalidDataException($"{path}:{number}: needs a text and one of the nine intents");
            }
            examples.Add(new LabelledExample(record.Text, record.Intent, record.Entities ?? Entities.None) { Line = number });
        }
        return examples;
    }

    public static IReadOnlyList<LabelledExample> LoadSplit(string dataDirectory, string split) => Load(SplitPath(dataDirectory, split));

    private sealed record Record(
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("intent")] string? Intent,
        [property: JsonPropertyName("entities")] Entities? Entities);
}

/// <summary>
/// The lexicons and NLU stages built from a data directory (<c>data/</c>), as the training and evaluation
/// commands need them. The food lexicon is the base one (foods.json only) and the gazetteer knows only the
/// generic places: evaluation does not depend on which catalog a silo happens to serve.
/// </summary>
public sealed class NluAssets
{
    private NluAssets(string dataDirectory)
    {
        string Lexicon(string name) => Path.Combine(dataDirectory, "lexicons", name);
        Cues = CueLexicon.Load(Lexicon("cues.json"));
        Foods = FoodLexicon.Load(Lexicon("foods.json"));
        Normalizer = new TextNormalizer(EmojiSignals.Load(Lexicon("emoji.json")), SlangLexicon.Load(Lexicon("slang.json")));
        Extractor = new EntityExtractor(Foods, Cues, PlaceGazetteer.Load(Lexicon("places.json")), DietLexicon.Load(Lexicon("diet.json")));
    }

    public static NluAssets Load(string dataDirectory) => new(dataDirectory);

    public CueLexicon Cues { get; }

    public FoodLexicon Foods { get; }

    public TextNormalizer Normalizer { get; }

    public EntityExtractor Extractor { get; }

    public RuleBasedNluEngine RuleEngine() => new(Extractor, new RuleIntentClassifier(Cues));
}
