using Orleans.Concurrency;

namespace Naviyam.Profiles;

/// <summary>What Naviyam learned about one user (key: user id) from their turns.</summary>
[Alias("naviyam.IProfileGrain")]
public interface IProfileGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<UserProfile> GetAsync();

    /// <summary>Folds one turn's signals into the profile. One-way: a turn never waits for it.</summary>
    [OneWay, Alias("Observe")]
    Task ObserveTurnAsync(TurnObservation observation);
}

[GenerateSerializer, Immutable, Alias("naviyam.user-profile.v1")]
public sealed record UserProfile
{
    public static UserProfile Empty { get; } = new();

    /// <summary>"child", "teen", "adult" or null when unknown; an unknown age is treated as a minor.</summary>
    [Id(0)] public string? AgeGroup { get; init; }
    [Id(1)] public IReadOnlyDictionary<string, int> LikedFoods { get; init; } = new Dictionary<string, int>();
    [Id(2)] public string? TastePreference { get; init; }
    [Id(3)] public int? UsualBudget { get; init; }
    [Id(4)] public IReadOnlyList<string> DietaryRestrictions { get; init; } = [];
    [Id(5)] public int TurnCount { get; init; }
    /// <summary>The onboarding question about the user's tastes was asked (it is asked at most once).</summary>
    [Id(6)] public bool PreferenceAsked { get; init; }

    public bool IsMinor => AgeGroup is not "adult";

    public static string AgeGroupOf(int age) => age switch
    {
        < 13 => "child",
        < 19 => "teen",
        _ => "adult",
    };
}

[GenerateSerializer, Immutable, Alias("naviyam.turn-observation.v1")]
public sealed record TurnObservation(
    [property: Id(0)] int? UserAge,
    [property: Id(1)] string? FoodType,
    [property: Id(2)] string? TastePreference,
    [property: Id(3)] int? Budget,
    [property: Id(4)] IReadOnlyList<string> DietaryRestrictions)
{
    /// <summary>The turn's reply asked the onboarding question about the user's tastes.</summary>
    [Id(5)] public bool PreferenceAsked { get; init; }
}
