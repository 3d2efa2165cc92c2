using System.Text.Json;
using Naviyam.Embeddings;
using Naviyam.Lexicons;

namespace Naviyam.Training.Embedding;

/// <summary>
/// A training pair of texts that should embed close together. <see cref="Concept"/> is what the pair is about (a dish,
/// a kind, a wish): pairs of one concept are never each other's negatives, and held-out concepts never reach training.
/// </summary>
public sealed record TextPair(string Anchor, string Positive, string Concept, string Source);

/// <summary>
/// A held-out query, the candidate texts that count as right answers, and its split (<see cref="EmbeddingDataset.Dev"/>:
/// what configurations and the hybrid weight are chosen on; <see cref="EmbeddingDataset.Test"/>: reported once).
/// <see cref="Excluded"/> is a candidate not ranked for it ("something similar" to 콩국수 is not 콩국수).
/// </summary>
public sealed record EvaluationQuery(string Text, IReadOnlySet<string> Relevant, string Source, string Split, string? Excluded = null);

/// <summary>
/// The encoder's training pairs and held-out queries, built from the team's data: foods.json (spellings, synonyms,
/// categories, compounds, families), dishes.json (kinds of dish), data/embedding (wishes, menu and shop decorations)
/// and the NLU corpus's training split (sentences and their food_type). A seeded share of the dishes is held out
/// whole, half for the dev split and half for the test split: no text that names one of them (its name, its spellings,
/// its menu variants, a sentence that mentions it) is trained on, and their queries are what <see cref="HeldOut"/>
/// scores. A seeded share of each wish's phrasings goes to dev and another to test the same way. Query sources:
/// <c>spelling</c> (a held-out dish's spellings), <c>corpus</c> (sentences naming one), <c>menu</c> (its menu-board
/// names, which no lexicon lists), <c>wish</c> (held-out phrasings) and <c>similar</c> (a held-out dish's name, right
/// when the answer is of its family, or of its kind of dish and category: "something similar").
/// </summary>
public sealed class EmbeddingDataset
{
    public const string Dev = "dev";
    public const string Test = "test";

    /// <summary>Share of the dishes held out for each of dev and test.</summary>
    public const double DefaultHeldOutShare = 0.12;

    /// <summary>Share of each wish's phrasings held out for each of dev and test (at least one each).</summary>
    public const double DefaultWishPhraseShare = 0.2;
    public const int MenuVariantsPerDish = 4;
    public const int SwapsPerSentence = 2;

    public required IReadOnlyList<TextPair> Training { get; init; }

    public required IReadOnlyList<EvaluationQuery> HeldOut { get; init; }

    /// <summary>What a query is ranked against: every dish name of foods.json.</summary>
    public required IReadOnlyList<string> Candidates { get; init; }

    /// <summary>The dishes held out of training: <see cref="DevConcepts"/> and <see cref="TestConcepts"/>.</summary>
    public required IReadOnlyList<string> HeldOutConcepts { get; init; }

    public required IReadOnlyList<string> DevConcepts { get; init; }

    public required IReadOnlyList<string> TestConcepts { get; init; }

    /// <summary>The files the pairs come from, relative to the data directory (their hashes go into metrics.json).</summary>
    public static IReadOnlyList<string> SourceFiles { get; } =
        ["lexicons/foods.json", "lexicons/dishes.json", "embedding/wishes.json", "embedding/menus.json", "nlu/train.jsonl"];

    /// <summary>The held-out queries of one split.</summary>
    public IReadOnlyList<EvaluationQuery> Split(string split) => HeldOut.Where(q => q.Split == split).ToArray();

    public static EmbeddingDataset Build(string dataDirectory, int seed,
        double heldOutShare = DefaultHeldOutShare, double wishPhraseShare = DefaultWishPhraseShare)
    {
        var foods = ReadFoods(Path.Combine(dataDirectory, "lexicons", "foods.json"), out var compounds);
        var kinds = ReadKinds(Path.Combine(dataDirectory, "lexicons", "dishes.json"));
        var wishes = WishFile.Load(Path.Combine(dataDirectory, "embedding", "wishes.json"));
        var menus = MenuDecorations.Load(Path.Combine(dataDirectory, "embedding", "menus.json"));
        var corpus = NluDataset.LoadSplit(dataDirectory, NluDataset.Train);
        var names = foods.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var wish in wishes)
        {
            foreach (var dish in wish.Dishes.Where(d => !names.Contains(d)))
            {
                throw new InvalidDataException($"wishes.json: wish '{wish.Id}' names '{dish}', which is not a foods.json name.");
            }
        }

        var random = new Random(seed);
        var concepts = foods.Where(f => !f.IsCategoryWord).Select(f => f.Name).ToArray();
        Shuffle(concepts, random);
        var perSplit = (int)Math.Round(concepts.Length * heldOutShare);
        var devSet = concepts.Take(perSplit).ToHashSet(StringComparer.Ordinal);
        var heldOut = concepts.Take(2 * perSplit).Order(StringComparer.Ordinal).ToArray();
        var heldOutSet = heldOut.ToHashSet(StringComparer.Ordinal);
        string SplitOf(string concept) => devSet.Contains(concept) ? Dev : Test;
        // Every surface of a held-out dish, compact: a training text equal to one of them, or a sentence containing one, is left out.
        var heldOutSurfaces = foods.Where(f => heldOutSet.Contains(f.Name))
            .SelectMany(f => f.Aliases.Append(f.Name))
            .Select(Compact)
            .Where(s => s.Length >= 2)
            .ToHashSet(StringComparer.Ordinal);

        var pairs = new List<TextPair>();
        var queries = new List<EvaluationQuery>();
        void Add(string anchor, string positive, string concept, string source)
        {
            if (heldOutSet.Contains(concept))
            {
                return;
            }
            if (heldOutSurfaces.Contains(Compact(anchor)) || heldOutSurfaces.Contains(Compact(positive)))
            {
                return;
            }
            pairs.Add(new TextPair(anchor, positive, concept, source));
        }
        void Query(string text, string concept, string source)
        {
            if (heldOutSet.Contains(concept))
            {
                queries.Add(new EvaluationQuery(text, new HashSet<string>([concept], StringComparer.Ordinal), source, SplitOf(concept)));
            }
        }

        foreach (var food in foods)
        {
            foreach (var alias in food.Aliases)
            {
                Add(alias, food.Name, food.Name, "spelling");
                Query(alias, food.Name, "spelling");
            }
            if (!food.IsCategoryWord)
            {
                Add(food.Name, food.Category, food.Name, "category");
            }
            foreach (var parent in foods.Where(p => !p.IsCategoryWord && p.Name != food.Name && food.Name.Contains(p.Name, StringComparison.Ordinal)))
            {
                Add(food.Name, parent.Name, food.Name, "family");
            }
        }
        foreach (var (word, parts) in compounds)
        {
            foreach (var part in parts)
            {
                Add(word, part, part, "compound");
            }
        }
        foreach (var kind in kinds)
        {
            foreach (var food in foods.Where(f => !f.IsCategoryWord && kind.Matches(f.Name)))
            {
                Add(food.Name, kind.Label, food.Name, "kind");
            }
            foreach (var word in kind.Cues.Concat(kind.Dishes.Where(d => !names.Contains(d))))
            {
                Add(word, kind.Label, "kind:" + kind.Label, "kind");
            }
        }

        // "Something similar": a held-out dish's name; right answers are its family (국수 ↔ 고기국수) and the dishes of one of
        // its kinds of dish and its category (된장찌개 → 김치찌개, 갈비탕); the dish itself is not ranked.
        foreach (var food in foods.Where(f => heldOutSet.Contains(f.Name)))
        {
            var dishKinds = kinds.Where(k => k.Matches(food.Name)).ToArray();
            var similar = foods
                .Where(f => !f.IsCategoryWord && f.Name != food.Name)
                .Where(f => f.Name.Contains(food.Name, StringComparison.Ordinal) || food.Name.Contains(f.Name, StringComparison.Ordinal)
                            || f.Category == food.Category && dishKinds.Any(k => k.Matches(f.Name)))
                .Select(f => f.Name)
                .ToHashSet(StringComparer.Ordinal);
            if (similar.Count > 0)
            {
                queries.Add(new EvaluationQuery(food.Name, similar, "similar", SplitOf(food.Name), food.Name));
            }
        }

        // Menu boards and shop signs: a dish's name decorated as menus and shops write it, with the category the index appends.
        foreach (var food in foods)
        {
            if (food.IsCategoryWord)
            {
                foreach (var word in menus.ShopWords.Take(6))
                {
                    Add($"{word} {food.Name}", food.Name, "category:" + food.Name, "shop");
                }
                continue;
            }
            for (var v = 0; v < MenuVariantsPerDish; v++)
            {
                var menu = menus.Variant(food.Name, random);
                Add($"{menu} {food.Category}", food.Name, food.Name, "menu");
                Query($"{menu} {food.Category}", food.Name, "menu");
            }
            var shop = random.Next(2) == 0
                ? $"{menus.ShopWords[random.Next(menus.ShopWords.Length)]} {food.Name}"
                : $"{food.Name} {menus.BranchSuffixes[random.Next(menus.BranchSuffixes.Length)]}";
            Add($"{shop} {food.Category}", food.Name, food.Name, "shop");
        }

        foreach (var wish in wishes)
        {
            var phrases = wish.Phrases.ToArray();
            Shuffle(phrases, random);
            var held = Math.Max(1, (int)Math.Round(phrases.Length * wishPhraseShare));
            for (var i = 0; i < 2 * held; i++)
            {
                queries.Add(new EvaluationQuery(phrases[i], wish.Dishes.ToHashSet(StringComparer.Ordinal), "wish", i < held ? Dev : Test));
            }
            foreach (var phrase in phrases.Skip(2 * held))
            {
                foreach (var target in wish.Dishes.Concat(wish.Kinds))
                {
                    Add(phrase, target, "wish:" + wish.Id, "wish");
                }
            }
        }

        // Corpus sentences with their food, and the same sentences with the food swapped for another trained dish: the words
        // around a dish (관악구에 … 집 어디 있어?) then say nothing about which dish it is, and the dish's own letters decide.
        var byName = foods.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var swaps = foods.Where(f => !f.IsCategoryWord && !heldOutSet.Contains(f.Name)).ToArray();
        foreach (var line in corpus)
        {
            if (line.Entities.FoodType is not { Length: > 0 } food || !names.Contains(food))
            {
                continue;
            }
            if (heldOutSet.Contains(food))
            {
                Query(line.Text, food, "corpus");
                continue;
            }
            var compact = Compact(line.Text);
            if (heldOutSurfaces.Any(surface => compact.Contains(surface, StringComparison.Ordinal)))
            {
                continue;
            }
            Add(line.Text, food, food, "corpus");
            var surface = byName[food].Aliases.Append(food).OrderByDescending(a => a.Length).ThenBy(a => a, StringComparer.Ordinal)
                .FirstOrDefault(a => line.Text.Contains(a, StringComparison.Ordinal));
            for (var k = 0; surface is not null && k < SwapsPerSentence; k++)
            {
                var other = swaps[random.Next(swaps.Length)];
                var spelling = random.Next(3) == 0 && other.Aliases.Length > 0 ? other.Aliases[random.Next(other.Aliases.Length)] : other.Name;
                Add(line.Text.Replace(surface, spelling, StringComparison.Ordinal), other.Name, other.Name, "corpus_swap");
            }
        }

        return new EmbeddingDataset
        {
            Training = pairs,
            HeldOut = queries,
            Candidates = foods.Select(f => f.Name).ToArray(),
            HeldOutConcepts = heldOut,
            DevConcepts = heldOut.Where(devSet.Contains).ToArray(),
            TestConcepts = heldOut.Where(c => !devSet.Contains(c)).ToArray(),
        };
    }

    /// <summary>The normalized text without spaces: what "the same text" means for the split and the masks.</summary>
    public static string Compact(string text) => EmbeddingFeaturizer.Normalize(text).Replace(" ", "", StringComparison.Ordinal);

    private static void Shuffle<T>(T[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private sealed record Food(string Name, string Category, string[] Aliases)
    {
        public bool IsCategoryWord => Name == Category;
    }

    private sealed record Kind(string Label, string[] Cues, string[] Dishes, string[] Endings, string[] NotEndings)
    {
        // The rule DishPreferences applies to menu names: contains one of the dishes, or ends with an ending that is not excluded.
        public bool Matches(string name) =>
            Dishes.Any(d => name.Contains(d, StringComparison.Ordinal))
            || Endings.Any(e => name.EndsWith(e, StringComparison.Ordinal)) && !NotEndings.Any(e => name.EndsWith(e, StringComparison.Ordinal));
    }

    private static Food[] ReadFoods(string path, out (string Word, string[] Foods)[] compounds)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var foods = root.GetProperty("foods").EnumerateArray().Select(f => new Food(
            f.GetProperty("name").GetString()!,
            f.GetProperty("category").GetString()!,
            f.TryGetProperty("aliases", out var aliases) ? aliases.EnumerateArray().Select(a => a.GetString()!).ToArray() : [])).ToArray();
        compounds = root.TryGetProperty("compounds", out var list)
            ? list.EnumerateArray().Select(c => (c.GetProperty("word").GetString()!, c.GetProperty("foods").EnumerateArray().Select(x => x.GetString()!).ToArray())).ToArray()
            : [];
        return foods;
    }

    private static Kind[] ReadKinds(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        static string[] Strings(JsonElement element, string name) =>
            element.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
        return document.RootElement.GetProperty("kinds").EnumerateArray()
            .Select(k => new Kind(k.GetProperty("label").GetString()!, Strings(k, "cues"), Strings(k, "dishes"), Strings(k, "endings"), Strings(k, "notEndings")))
            .ToArray();
    }
}
