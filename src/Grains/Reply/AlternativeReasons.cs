using Naviyam.Retrieval;

namespace Naviyam.Reply;

/// <summary>What the turn asked for, as the reply names it: the dish and the area.</summary>
public sealed record AskedFor(string? Dish, string? Area, string? Place = null)
{
    public static AskedFor Nothing { get; } = new(null, null);
}

/// <summary>The Korean reason given with an alternative, so the child knows it is not what they asked for.</summary>
internal static class AlternativeReasons
{
    public static string? For(Candidate candidate, AskedFor asked, string? shopArea) => candidate.Alternative switch
    {
        AlternativeKind.OutsideArea => asked.Area is { } area
            ? $"{area}에는 없어서 가까운 {shopArea ?? "다른 동네"}에서 골랐어요"
            : "가까운 다른 동네에서 골랐어요",
        AlternativeKind.SimilarDish => asked.Dish is { } dish && candidate.Meal is { } meal
            ? $"{dish}{KoreanParticles.Topic(dish)} 없어서 비슷한 {meal.Name}{KoreanParticles.Object(meal.Name)} 골랐어요"
            : "비슷한 메뉴를 골랐어요",
        AlternativeKind.NearUserInstead => asked.Place is { } place
            ? $"{place}{KoreanParticles.Object(place)} 찾지 못해서 지금 있는 곳 근처에서 골랐어요"
            : "지금 있는 곳 근처에서 골랐어요",
        AlternativeKind.MightServe => asked.Dish is { } wanted
            ? $"메뉴 정보가 없어서 {wanted}{KoreanParticles.Object(wanted)} 파는지는 가게에 물어봐야 해요"
            : "메뉴 정보가 없는 가게예요",
        _ => null,
    };
}
