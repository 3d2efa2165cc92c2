using System.Text.Json;
using Naviyam.Eval.Dishes;

namespace Naviyam.Eval.Queries;

/// <summary>Reads and checks the query files; a malformed line is an error that names the file and line.</summary>
public static class QueryFile
{
    public static readonly IReadOnlyList<string> Datasets = ["jeju", "daegu", "seoul", "generated"];

    private static readonly string[] RefusalKinds = ["alcohol", "tobacco", "adult"];

    /// <exception cref="InvalidDataException">A line does not parse or breaks a rule of the format.</exception>
    public static IReadOnlyList<EvalQuery> LoadFolder(string folder, DishDictionary dishes)
    {
        var queries = new List<EvalQuery>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            queries.AddRange(Load(file, dishes));
        }
        var duplicate = queries.GroupBy(q => q.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Query id '{duplicate.Key}' is used {duplicate.Count()} times.");
        }
        return queries;
    }

    public static IReadOnlyList<EvalQuery> Load(string path, DishDictionary dishes)
    {
        var queries = new List<EvalQuery>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            EvalQuery query;
            try
            {
                query = JsonSerializer.Deserialize<EvalQuery>(text, EvalJson.Options) ?? throw new JsonException("null");
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{line}: not a query: {ex.Message}", ex);
            }
            var problem = Check(query, dishes);
            if (problem is not null)
            {
                throw new InvalidDataException($"{path}:{line} ({query.Id}): {problem}");
            }
            queries.Add(query);
        }
        return queries;
    }

    /// <summary>The first rule the query breaks, or null.</summary>
    public static string? Check(EvalQuery query, DishDictionary dishes)
    {
        var ask = query.Ask;
        if (!Datasets.Contains(query.Dataset))
        {
            return $"dataset must be one of {string.Join(", ", Datasets)}";
        }
        if (query.Turns.Count == 0 || query.Turns.Any(string.IsNullOrWhiteSpace))
        {
            return "turns must be non-empty texts";
        }
        if (ask.Minor != (query.User.Age is null or < 19))
        {
            return "ask.minor must say whether the user is under 19 or of unknown age";
        }
        if (query.User.Card is not null && (query.Dataset != "generated" || query.User.Id is null))
        {
            return "a card exists only for a generated-city user named by user.id";
        }
        if (ask.Dish is not null && !dishes.Knows(ask.Dish))
        {
            return $"dish '{ask.Dish}' is not in dishes.json";
        }
        if (ask.ExcludeDishes.FirstOrDefault(d => !dishes.Knows(d)) is { } unknown)
        {
            return $"excluded dish '{unknown}' is not in dishes.json";
        }
        if ((ask.Kind == AskKind.FollowUp) != (ask.FollowUp is not null))
        {
            return "kind follow-up and a followUp statement go together";
        }
        if (ask.Kind == AskKind.FollowUp && query.Turns.Count < 2)
        {
            return "a follow-up needs an earlier turn";
        }
        if (ask.FollowUp is { Type: FollowUpType.Where, Pick: null or < 1 })
        {
            return "a where follow-up names the pick (1-based)";
        }
        if ((ask.Kind == AskKind.Refusal) != (ask.Refusal is not null) || (ask.Refusal is not null && !RefusalKinds.Contains(ask.Refusal)))
        {
            return "kind refusal goes with refusal: alcohol, tobacco or adult";
        }
        if (ask.Budget is { } budget && (budget.Won <= 0 || (budget.Kind == BudgetKind.Range) != (budget.Min is not null)))
        {
            return "a budget is positive, and a range (only a range) has a min";
        }
        return null;
    }
}
