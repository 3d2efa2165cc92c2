namespace Naviyam.Cards;

/// <summary>A meal card as stored: the <c>foodcard_users</c> row. The card number is never logged.</summary>
[GenerateSerializer, Immutable, Alias("naviyam.foodcard-account.v1")]
public sealed record FoodCardAccount
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required string CardNumber { get; init; }
    [Id(2)] public required int Balance { get; init; }
    [Id(3)] public string Status { get; init; } = "ACTIVE";
    /// <summary>"어린이", "청소년" or "청년", as the card programme names its target group.</summary>
    [Id(4)] public string? TargetAgeGroup { get; init; }
    [Id(5)] public bool Synthetic { get; init; }
    [Id(6)] public long Version { get; init; }

    /// <summary>Keeps the last four digits only, for anything a person or a log may see.</summary>
    public string MaskedCardNumber => CardNumber.Length <= 4 ? "****" : $"****{CardNumber[^4..]}";

    public override string ToString() => $"FoodCardAccount {{ UserId = {UserId}, Card = {MaskedCardNumber}, Status = {Status} }}";
}
