using System.Text.Json;

namespace Naviyam.LoadTest;

/// <summary>
/// What the team's own corpus says children write: first messages, and what they say after an answer. Read from the
/// repository: the evaluation dialogs (<c>eval/queries/*.jsonl</c>: first turns of the Seoul and generated-city sets,
/// the later turns of every set), the NLU test corpus (<c>data/nlu/test.jsonl</c>, every intent, small talk included)
/// and the follow-up phrases (<c>data/lexicons/followups.json</c>).
/// </summary>
public sealed record DialogPatterns(IReadOnlyList<string> Openers, IReadOnlyList<string> Corpus, IReadOnlyList<string> FollowUps, IReadOnlyList<string> Phrases)
{
    /// <summary>Sets whose places lie in Seoul, where the generated city is: their first turns name its areas.</summary>
    private static readonly string[] SeoulSets = ["generated.jsonl", "seoul.jsonl"];

    /// <summary>What a follow-up phrase asks about a pick (the file's other lists say which pick, or start over).</summary>
    private static readonly string[] PhraseKinds = ["where", "distance", "price", "menu", "hours", "phone", "cheaper", "others"];

    public static DialogPatterns Load(string repositoryRoot)
    {
        var openers = new List<string>();
        var followUps = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(repositoryRoot, "eval", "queries"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            var seoul = SeoulSets.Contains(Path.GetFileName(file), StringComparer.Ordinal);
            foreach (var line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
            {
                using var json = JsonDocument.Parse(line);
                var turns = json.RootElement.GetProperty("turns").EnumerateArray().Select(t => t.GetString()!).ToArray();
                if (seoul)
                {
                    openers.Add(turns[0]);
                }
                followUps.AddRange(turns.Skip(1));
            }
        }

        var corpus = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(repositoryRoot, "data", "nlu", "test.jsonl")).Where(l => l.Trim().Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            corpus.Add(json.RootElement.GetProperty("text").GetString()!);
        }

        using var lexicon = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "data", "lexicons", "followups.json")));
        var root = lexicon.RootElement;
        var pointers = root.GetProperty("pointers").EnumerateArray().Select(p => p.GetString()!)
            .Concat(root.GetProperty("ordinals").EnumerateArray().Select(o => o[0].GetString()!))
            .ToArray();
        var phrases = new List<string>();
        foreach (var kind in PhraseKinds)
        {
            foreach (var phrase in root.GetProperty(kind).EnumerateArray().Select(p => p.GetString()!))
            {
                // "cheaper" and "others" stand alone; a question about a pick names it half of the time ("두번째 가격").
                var about = kind is "cheaper" or "others" ? null : pointers[phrases.Count % pointers.Length];
                phrases.Add(about is not null && phrases.Count % 2 == 0 ? $"{about} {phrase}" : phrase);
            }
        }
        return new DialogPatterns(openers, corpus, followUps, phrases);
    }
}

/// <summary>One scripted session: a fresh user (with a meal card or not), where they stand (or nowhere), what they say.</summary>
/// <param name="Place">An index into the run's spread of places, or null for a user who shares no location.</param>
public sealed record SessionScript(long Index, bool HasCard, int? Place, int Age, IReadOnlyList<string> Turns);

/// <summary>How the realistic mix is drawn.</summary>
public sealed record MixShape
{
    /// <summary>Weights of sessions of 1 … 6 turns: most children ask once, a few go on.</summary>
    public IReadOnlyList<double> LengthWeights { get; init; } = [0.35, 0.25, 0.15, 0.10, 0.08, 0.07];
    public double CardShare { get; init; } = 0.3;
    public double NoLocationShare { get; init; } = 0.2;
    /// <summary>How many distinct places (generated shops' coordinates) sessions are spread over.</summary>
    public int Places { get; init; } = 4_096;
    /// <summary>Of a session's later turns: a follow-up line of the evaluation dialogs, a follow-up phrase, else a new corpus message.</summary>
    public double DialogFollowUpShare { get; init; } = 0.5;
    public double PhraseFollowUpShare { get; init; } = 0.2;
    /// <summary>Of first turns: a Seoul evaluation query (names an area, a dish, a budget), else a corpus message.</summary>
    public double EvaluationOpenerShare { get; init; } = 0.5;

    public double MeanLength => LengthWeights.Select((w, i) => w * (i + 1)).Sum() / LengthWeights.Sum();

    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"sessions of 1–{LengthWeights.Count} turns (weights {string.Join('/', LengthWeights.Select(w => w.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}, mean {MeanLength:0.00}), " +
        $"each a fresh user; {CardShare:P0} with a meal card; {NoLocationShare:P0} without a location, the rest at one of {Places:N0} generated shops' coordinates");
}

/// <summary>
/// The realistic mix's sessions, each a pure function of (seed, index): concurrent workers that take indices in any
/// order still play exactly the same sessions.
/// </summary>
public sealed class SessionScripts(DialogPatterns patterns, int seed, MixShape shape)
{
    public MixShape Shape => shape;

    public SessionScript For(long index)
    {
        var random = new Random(SeedFor(seed, index));
        var length = 1 + Pick(random, shape.LengthWeights);
        var turns = new string[length];
        turns[0] = random.NextDouble() < shape.EvaluationOpenerShare && patterns.Openers.Count > 0
            ? patterns.Openers[random.Next(patterns.Openers.Count)]
            : patterns.Corpus[random.Next(patterns.Corpus.Count)];
        for (var i = 1; i < length; i++)
        {
            var roll = random.NextDouble();
            turns[i] = roll < shape.DialogFollowUpShare && patterns.FollowUps.Count > 0 ? patterns.FollowUps[random.Next(patterns.FollowUps.Count)]
                : roll < shape.DialogFollowUpShare + shape.PhraseFollowUpShare && patterns.Phrases.Count > 0 ? patterns.Phrases[random.Next(patterns.Phrases.Count)]
                : patterns.Corpus[random.Next(patterns.Corpus.Count)];
        }
        var hasCard = random.NextDouble() < shape.CardShare;
        int? place = random.NextDouble() < shape.NoLocationShare ? null : random.Next(shape.Places);
        return new SessionScript(index, hasCard, place, random.Next(10, 19), turns);
    }

    /// <summary>SplitMix64 of (seed, index): stable across processes, unlike <see cref="HashCode"/>.</summary>
    private static int SeedFor(int seed, long index)
    {
        var z = unchecked(((ulong)(uint)seed << 32 ^ (ulong)index) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private static int Pick(Random random, IReadOnlyList<double> weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }
}
