using Naviyam.Catalog;
using Naviyam.Chat;
using Naviyam.Coupons;
using Naviyam.Ranking;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Time;
using static Naviyam.Reply.KoreanFormat;

namespace Naviyam.Reply;

/// <summary>
/// A ranked shop ready to be presented, with the reasons and warnings the user should see, and the user's best
/// coupon for its meal (null: none applies).
/// </summary>
public sealed record RankedCandidate(Candidate Candidate, double Score, IReadOnlyList<string> Reasons, IReadOnlyList<string> Flags, CouponChoice? Coupon = null)
{
    /// <summary>The area the shop lies in, as a user says it ("아라동"); null when unknown.</summary>
    public string? AreaName { get; init; }

    /// <summary>Why it is offered although it is not a match (Korean, for the user); null for a match.</summary>
    public string? AlternativeReason { get; init; }
}

/// <summary>A turn's answer: the text, and the shops it names as the API shows them.</summary>
public sealed record Presentation(string Text, IReadOnlyList<RecommendationView> Recommendations, IReadOnlyList<RecommendationView> PriceUnknown);

/// <summary>
/// The reply stage around the text: why each pick was chosen, what the child should check before going, and the
/// API's view of the picks. The text itself is <see cref="ReplyComposer"/>'s.
/// </summary>
public sealed class RecommendationPresenter(ReplyComposer composer, IShopCatalog catalog, ServedPlaces? places = null)
{
    public const string HoursUnknownFlag = "영업시간 확인 필요";
    public const string PriceUnknownFlag = "가격 정보 없음";
    public const string PartialMealCardFlag = "일부 메뉴만 급식카드 가능";

    /// <summary>The ranked picks with their reasons, flags and coupons (<paramref name="coupons"/>: one per pick, in order).</summary>
    /// <param name="atNow">The shops were judged for now rather than for a later meal time.</param>
    /// <param name="asked">What was asked, for the reason given with an alternative ("고기국수", "아라동").</param>
    public IReadOnlyList<RankedCandidate> Explain(IReadOnlyList<ScoredCandidate> picks, IReadOnlyList<CouponChoice?> coupons, int? budgetCap, bool atNow,
        AskedFor? asked = null)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(coupons.Count, picks.Count, nameof(coupons));
        return picks
            .Select((pick, i) =>
            {
                var area = places?.AreaNameOf(pick.Candidate.Shop);
                var reasons = ModelReasons.Arrange(ReasonsFor(pick.Candidate, budgetCap, atNow), pick.Drivers, pick.Candidate, pick.Personal);
                return new RankedCandidate(pick.Candidate, pick.Score, reasons, FlagsFor(pick.Candidate), coupons[i])
                {
                    AreaName = area,
                    AlternativeReason = AlternativeReasons.For(pick.Candidate, asked ?? AskedFor.Nothing, area),
                };
            })
            .ToArray();
    }

    /// <summary>
    /// The answer to a turn that searched (or did not need to). Shops whose prices are unconfirmed are never presented
    /// as fitting the budget: they go in their own list, as do alternatives without a verified meal. One shop is named
    /// once, however many rows or lists it came from.
    /// </summary>
    public Presentation Present(ReplyContext context)
    {
        var picks = SameShop.Distinct(context.Picks, pick => pick.Candidate.Shop);
        context = context with { Picks = picks };
        var day = context.Now is { } now ? SeoulClock.ToSeoul(now).DayOfWeek : (DayOfWeek?)null;
        var views = picks.Select(pick => ToView(pick, day)).ToArray();
        if (context.PricesUnconfirmed)
        {
            return new Presentation(composer.Compose(context), [], views);
        }
        return new Presentation(composer.Compose(context), [.. views.Where(v => !IsUnpricedAlternative(v))], [.. views.Where(IsUnpricedAlternative)]);
    }

    private static bool IsUnpricedAlternative(RecommendationView view) => view.Alternative && view.Price is null;

    /// <summary>"거기 어떻게 가?": where a shop offered earlier is, from the catalog's address.</summary>
    public Presentation PresentWhere(RecommendationView shop) =>
        new(composer.Where(shop, catalog.TryGet(shop.ShopId, out var record) ? record.Address : null), [shop], []);

    private static List<(string Factor, string Text)> ReasonsFor(Candidate candidate, int? budgetCap, bool atNow)
    {
        var reasons = new List<(string Factor, string Text)>();
        if (candidate.FinalPrice is { } price && budgetCap is { } cap)
        {
            reasons.Add((ScoreDrivers.Price, candidate.Coupon is null ? $"예산 안({Won(price)} ≤ {Won(cap)})" : $"쿠폰 쓰면 예산 안({Won(price)} ≤ {Won(cap)})"));
        }
        else if (candidate.TypicalPrice is not null && budgetCap is not null)
        {
            reasons.Add((ScoreDrivers.Price, "보통 예산 안에서 먹을 수 있는 가게"));
        }
        if (candidate.OpenNow == true)
        {
            reasons.Add((ScoreDrivers.OpenHours, atNow ? "지금 영업 중" : "그 시간에 영업"));
        }
        if (candidate.FoodMatched && candidate.Alternative == AlternativeKind.None)
        {
            reasons.Add((ScoreDrivers.FoodMatch, "찾는 음식"));
        }
        if (candidate.DistanceMeters is { } meters)
        {
            reasons.Add((ScoreDrivers.Distance, $"{Distance(meters, candidate.ApproximateDistance)} 거리"));
        }
        reasons.Add((ScoreDrivers.MealCard, "급식카드 가맹점"));
        return reasons;
    }

    private static IReadOnlyList<string> FlagsFor(Candidate candidate)
    {
        var flags = new List<string>();
        if (candidate.OpenNow is null)
        {
            flags.Add(HoursUnknownFlag);
        }
        if (candidate.Meal?.Price is null)
        {
            flags.Add(PriceUnknownFlag);
        }
        if (candidate.Shop.MealCard == MealCardAcceptance.Partial)
        {
            flags.Add(PartialMealCardFlag);
        }
        return flags;
    }

    /// <param name="day">The turn's day in Seoul, for the card's hours; null leaves them out.</param>
    private static RecommendationView ToView(RankedCandidate pick, DayOfWeek? day) => new()
    {
        ShopId = pick.Candidate.Shop.Id,
        ShopName = pick.Candidate.Shop.Name,
        MenuName = pick.Candidate.Meal?.Name,
        Price = pick.Candidate.Meal?.Price,
        FinalPrice = pick.Coupon?.PriceAfterDiscount ?? pick.Candidate.Meal?.Price,
        CouponId = pick.Coupon?.Coupon.Coupon.Id,
        CouponName = pick.Coupon?.Coupon.Coupon.Name,
        Discount = pick.Coupon?.Discount,
        WalletCouponId = pick.Coupon?.Coupon.WalletCouponId,
        DistanceMeters = pick.Candidate.DistanceMeters is { } d ? (int)Math.Round(d) : null,
        Score = Math.Round(pick.Score, 4),
        Reasons = pick.Reasons,
        Flags = pick.Flags,
        Alternative = pick.Candidate.Alternative != AlternativeKind.None,
        AlternativeReason = pick.AlternativeReason,
        Address = pick.Candidate.Shop.Address,
        Area = pick.AreaName,
        DistanceApproximate = pick.Candidate.DistanceMeters is not null && pick.Candidate.ApproximateDistance,
        Open = pick.Candidate.OpenNow,
        HoursToday = day is { } today ? HoursText.For(pick.Candidate.Shop.Hours?.For(today)) : null,
        Latitude = pick.Candidate.Shop.Location?.Latitude,
        Longitude = pick.Candidate.Shop.Location?.Longitude,
        Phone = pick.Candidate.Shop.Phone,
    };
}
