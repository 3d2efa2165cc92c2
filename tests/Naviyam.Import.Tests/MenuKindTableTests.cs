using System.Text;
using System.Text.Json.Nodes;
using Naviyam.Catalog.Import;
using Naviyam.Lexicons;

namespace Naviyam.Import.Tests;

/// <summary>The menu-kind table's reader refuses malformed entries with a message that says where.</summary>
public class MenuKindTableTests
{
    private static readonly Lazy<string> Shipped = new(() => File.ReadAllText(new DataPaths().Catalog("menu-kinds.json")));

    [Fact]
    public void The_shipped_table_loads()
    {
        var load = () => MenuKindTable.Load(new DataPaths());
        load.Should().NotThrow();
    }

    [Theory]
    [InlineData("rules[0].kind", "\"Snack\"", "rules[0].kind is 'Snack', which is not a menu kind")]
    [InlineData("rules[0].kind", "\"Alcohol\"", "alcohol is decided by the 'alcohol' section")]
    [InlineData("rules[0].match", "\"suffix\"", "rules[0].match is 'suffix'; expected raw, prefix")]
    [InlineData("rules[2].words", "[]", "rules[2].words is missing or empty")]
    [InlineData("rules[2].words", "[\"+\", \" \"]", "rules[2].words[1] is ' ': blank")]
    [InlineData("rules[2].words", "[\"+\", \"+\"]", "rules[2].words lists '+' twice")]
    [InlineData("rules[3].onlyIn", "\"Cafe\"", "rules[3].onlyIn is 'Cafe', which is not a category")]
    [InlineData("rules[3].word", "[\"x\"]", "rules[3] has an unknown property 'word'")]
    [InlineData("alcohol.words", "null", "alcohol.words is missing or empty")]
    [InlineData("alcohol.notAlcohol", "[\"사케 동\"]", "write it without spaces")]
    [InlineData("categoryDefaults.CafeDessert", "\"Alcohol\"", "an unknown name is never assumed to be alcohol")]
    [InlineData("categoryDefaults.Cafe", "\"Drink\"", "categoryDefaults key 'Cafe' is 'Cafe', which is not a category")]
    [InlineData("shared.priceRatio", "0.5", "shared.priceRatio is 0.5; it must be above 1")]
    [InlineData("relativePrice.referenceQuantile", "1.5", "relativePrice.referenceQuantile is 1.5; it must be above 0 and at most 1")]
    [InlineData("relativePrice.typicalMealPrices.Korean", "0", "relativePrice.typicalMealPrices.Korean is 0")]
    [InlineData("mostlyAlcohol.minimumItems", "0", "mostlyAlcohol.minimumItems is 0")]
    [InlineData("version", "2", "version is 2; this build reads version 1")]
    public void A_malformed_entry_is_refused_with_a_clear_message(string path, string json, string message)
    {
        var load = () => MenuKindTable.Load(new MemoryStream(Encoding.UTF8.GetBytes(With(path, json))), "menu-kinds.json");

        load.Should().Throw<InvalidDataException>().WithMessage($"menu-kinds.json: *{message}*");
    }

    [Fact]
    public void A_missing_typical_price_is_named()
    {
        var table = JsonNode.Parse(Shipped.Value, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        table["relativePrice"]!["typicalMealPrices"]!.AsObject().Remove("Pizza");
        var load = () => MenuKindTable.Load(new MemoryStream(Encoding.UTF8.GetBytes(table.ToJsonString())), "menu-kinds.json");

        load.Should().Throw<InvalidDataException>().WithMessage("*typicalMealPrices misses Pizza*");
    }

    [Fact]
    public void Invalid_json_and_a_missing_section_are_refused()
    {
        var broken = () => MenuKindTable.Load(new MemoryStream("{ \"version\": 1, "u8.ToArray()), "menu-kinds.json");
        var empty = () => MenuKindTable.Load(new MemoryStream("{ \"version\": 1 }"u8.ToArray()), "menu-kinds.json");
        var missing = () => MenuKindTable.Load("/nonexistent/menu-kinds.json");

        broken.Should().Throw<InvalidDataException>().WithMessage("menu-kinds.json: not valid JSON*");
        empty.Should().Throw<InvalidDataException>().WithMessage("menu-kinds.json: the 'alcohol' section is missing.");
        missing.Should().Throw<FileNotFoundException>();
    }

    /// <summary>The shipped table with the value at <paramref name="path"/> ("rules[0].kind", "shared.priceRatio") replaced.</summary>
    private static string With(string path, string json)
    {
        var root = JsonNode.Parse(Shipped.Value, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        var steps = path.Split('.');
        JsonNode node = root;
        foreach (var step in steps[..^1])
        {
            node = Step(node, step);
        }
        var last = steps[^1];
        var bracket = last.IndexOf('[');
        if (bracket >= 0)
        {
            node = node[last[..bracket]]!;
            node.AsArray()[int.Parse(last[(bracket + 1)..^1])] = JsonNode.Parse(json);
        }
        else
        {
            node.AsObject()[last] = JsonNode.Parse(json);
        }
        return root.ToJsonString();
    }

    private static JsonNode Step(JsonNode node, string step)
    {
        var bracket = step.IndexOf('[');
        return bracket < 0 ? node[step]! : node[step[..bracket]]![int.Parse(step[(bracket + 1)..^1])]!;
    }
}
