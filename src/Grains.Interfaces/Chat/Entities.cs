using System.Text.Json;
using System.Text.Json.Serialization;

namespace Naviyam.Chat;

/// <summary>
/// The spec's nine entity types with their wire names. Used both for what one message said
/// (<c>entities</c>) and for what the session knows after a turn (<c>slots</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("naviyam.entities.v1")]
public sealed record Entities
{
    public static Entities None { get; } = new();

    [Id(0), JsonPropertyName("food_type")] public string? FoodType { get; init; }
    [Id(1), JsonPropertyName("budget")] public int? Budget { get; init; }
    [Id(2), JsonPropertyName("budget_kind")] public string? BudgetKind { get; init; }
    [Id(3), JsonPropertyName("location_preference")] public string? LocationPreference { get; init; }
    [Id(4), JsonPropertyName("time_preference")] public string? TimePreference { get; init; }
    [Id(5), JsonPropertyName("taste_preference")] public string? TastePreference { get; init; }
    [Id(6), JsonPropertyName("companions")] public Companions? Companions { get; init; }
    [Id(7), JsonPropertyName("urgency")] public string? Urgency { get; init; }
    [Id(8), JsonPropertyName("dietary_restrictions")] public IReadOnlyList<string>? DietaryRestrictions { get; init; }
    [Id(9), JsonPropertyName("portion_size")] public string? PortionSize { get; init; }
    /// <summary>Foods and tastes the user rejected ("피자 말고"): always honoured, never a food type.</summary>
    [Id(10), JsonPropertyName("exclusions")] public IReadOnlyList<string>? Exclusions { get; init; }

    [JsonIgnore]
    public bool IsEmpty => this == None || (FoodType is null && Budget is null && LocationPreference is null
        && TimePreference is null && TastePreference is null && Companions is null && Urgency is null
        && DietaryRestrictions is not { Count: > 0 } && PortionSize is null && Exclusions is not { Count: > 0 });
}

/// <summary>Who eats along: a head count when the user gave one ("2명"), else the word ("친구", "가족").</summary>
[GenerateSerializer, Immutable, Alias("naviyam.companions.v1")]
[JsonConverter(typeof(CompanionsJsonConverter))]
public sealed record Companions([property: Id(0)] int? Count, [property: Id(1)] string? Word)
{
    public static Companions OfCount(int count) => new(count, null);
    public static Companions OfWord(string word) => new(null, word);
    public override string ToString() => Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Word ?? "";
}

/// <summary>Writes companions the way the spec's JSON has them: a number or a string.</summary>
public sealed class CompanionsJsonConverter : JsonConverter<Companions>
{
    public override Companions? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => Companions.OfCount(reader.GetInt32()),
            JsonTokenType.String => Companions.OfWord(reader.GetString()!),
            JsonTokenType.Null => null,
            _ => throw new JsonException("companions must be a number or a string"),
        };

    public override void Write(Utf8JsonWriter writer, Companions value, JsonSerializerOptions options)
    {
        if (value.Count is { } count)
        {
            writer.WriteNumberValue(count);
        }
        else
        {
            writer.WriteStringValue(value.Word);
        }
    }
}
