using Naviyam.Eval.Coupons;
using Naviyam.Eval.Dishes;
using Naviyam.Eval.Judging;
using Naviyam.Eval.Places;
using Naviyam.Eval.Queries;
using Naviyam.Eval.Raw;

namespace Naviyam.Eval.Tests;

/// <summary>
/// The hand-made Jeju-like fixture (Fixtures/jeju.csv, a small gazetteer) with the eval's real dictionaries, and
/// builders for queries and replies.
/// </summary>
internal static class Fixture
{
    public static readonly DateTime Now = new(2025, 9, 3, 12, 0, 0);
    public static readonly QueryLocation Yeondong = new(33.4849, 126.4989);

    public static PlaceIndex Places { get; } = PlaceIndex.Load(File("gazetteer.csv"), Data("legal-dongs.json"));
    public static DishDictionary Dishes { get; } = DishDictionary.Load(Data("dishes.json"));
    public static SafetyWords Safety { get; } = SafetyWords.Load(Data("safety.json"));
    public static RawCatalog Jeju { get; } = new("jeju", "제주", MerchantFiles.ReadJeju(File("jeju.csv"), Places), Places);
    public static CouponBook Coupons { get; } = CouponBook.Load(Data("coupons.json"));
    public static AnswerJudge Judge { get; } = new(Jeju, Dishes, Safety, Now, Coupons);

    public static string File(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    public static EvalQuery Query(Ask ask, string text = "…", int? age = 13, QueryLocation? location = null, QueryCard? card = null, params string[] earlier) => new()
    {
        Id = "fixture",
        Dataset = "jeju",
        Turns = [.. earlier, text],
        User = new QueryUser { Age = age, Id = card is null ? null : "demo-1", Card = card },
        Location = location,
        Ask = ask with { Minor = age is null or < 19 },
    };

    public static ProductReply Reply(string text, params Pick[] picks) => new() { Text = text, Picks = picks };

    public static Pick Pick(int id, string name, string? menu = null, int? price = null, int? finalPrice = null, bool alternative = false) => new()
    {
        ShopId = $"jeju:{id}",
        ShopName = name,
        MenuName = menu,
        Price = price,
        FinalPrice = finalPrice ?? price,
        Alternative = alternative,
    };

    public static QueryVerdict Judged(EvalQuery query, params ProductReply[] replies) => Judge.Judge(query, replies);
}
