using Naviyam.Eval.Coupons;
using Naviyam.Eval.Dishes;
using Naviyam.Eval.Places;
using Naviyam.Eval.Queries;
using Naviyam.Eval.Raw;

namespace Naviyam.Eval.Judging;

/// <summary>
/// The independent judge. From the raw files alone it computes which shops answer a query (the oracle), then checks
/// every pick of the product's answer for hard violations and scores relevance, honesty, refusals and follow-ups.
/// </summary>
public sealed class AnswerJudge(RawCatalog catalog, DishDictionary dishes, SafetyWords safety, DateTime now, CouponBook? coupons = null)
{
    private readonly CouponBook _coupons = coupons ?? CouponBook.Empty;

    public const double MaxDistanceMeters = 20_000;
    public const int TopN = 3;

    public RawCatalog Catalog => catalog;

    public QueryVerdict Judge(EvalQuery query, IReadOnlyList<ProductReply> replies)
    {
        if (replies.Count != query.Turns.Count || replies.Any(r => r.Error is not null))
        {
            return new QueryVerdict
            {
                Query = query,
                Replies = replies,
                Error = replies.FirstOrDefault(r => r.Error is not null)?.Error ?? $"{replies.Count} replies for {query.Turns.Count} turns",
            };
        }

        Conditions conditions;
        try
        {
            conditions = ConditionsFor(query, replies.Count > 1 ? replies[^2] : null);
        }
        catch (InvalidDataException ex)
        {
            return new QueryVerdict { Query = query, Replies = replies, Error = $"query problem: {ex.Message}" };
        }

        var reply = replies[^1];
        var firstSentence = ReplyText.FirstSentence(reply.Text);
        var saysNone = ReplyText.SaysNone(firstSentence);
        var honestAlternatives = HonestAlternativesLocated(query, replies);
        var notes = new List<string>();
        var violations = new List<Violation>();
        var mapped = new List<(Pick Pick, RawShop? Shop, RawMenu? Item)>();

        for (var i = 0; i < reply.Picks.Count; i++)
        {
            var pick = reply.Picks[i];
            var shop = catalog.Find(pick.ShopId, pick.ShopName, pick.Address);
            if (shop is null)
            {
                violations.Add(new Violation(ViolationKind.UnknownShop, i + 1, $"{pick.ShopName} ({pick.ShopId}) is not in the {catalog.Dataset} raw files"));
                mapped.Add((pick, null, null));
                continue;
            }
            var item = FindItem(shop, pick.MenuName, pick.Price);
            mapped.Add((pick, shop, item));
            violations.AddRange(CheckPick(i + 1, pick, shop, item, conditions, saysNone || (pick.ShopId is { } id && honestAlternatives.Contains(id))));
        }
        violations.AddRange(Duplicates(mapped));

        var verdict = new QueryVerdict { Query = query, Replies = replies, Violations = violations };

        if (query.Ask.Kind == AskKind.Refusal)
        {
            return verdict with { RefusalOk = reply.Picks.Count == 0 && ReplyText.Refuses(reply.Text) };
        }

        if (query.Ask.FollowUp is { Type: FollowUpType.Where, Pick: { } number })
        {
            return verdict with { FollowUpOk = AnswersWhere(replies[^2], number, reply, notes), Notes = notes };
        }

        var relevant = RelevantPairs(conditions);
        var relevantShops = relevant.Select(r => r.Shop).Distinct().Count();
        var examples = Examples(relevant, conditions);
        verdict = verdict with { RelevantShops = relevantShops, RelevantExamples = examples };
        bool? hit = null, honest = null;
        if (relevantShops > 0)
        {
            hit = mapped.Take(TopN).Any(m => m.Shop is not null && !m.Pick.Alternative
                                              && ShopEligible(m.Shop, conditions) && ItemRelevant(m.Shop, m.Item, conditions));
        }
        else
        {
            honest = saysNone;
        }

        bool? followUpOk = null;
        if (query.Ask.FollowUp is { Type: FollowUpType.Cheaper } && conditions.CheaperThan is { } cheaper)
        {
            var notCheaper = reply.Picks.Where(p => !p.Alternative && p.ShownPrice is { } price && price >= cheaper).ToList();
            if (notCheaper.Count > 0)
            {
                notes.Add($"not cheaper than the last answer's {cheaper:N0}원: {string.Join("; ", notCheaper)}");
            }
            followUpOk = notCheaper.Count == 0 && (hit ?? honest) == true;
        }
        else if (query.Ask.FollowUp is not null)
        {
            followUpOk = (hit ?? honest) == true;
        }
        return verdict with { Hit = hit, Honest = honest, FollowUpOk = followUpOk, Notes = notes };
    }

    /// <summary>
    /// "2번 가게는 어디 있어?" about a pick the previous answer offered as an alternative after saying there was none:
    /// the reply is about that one shop, so it need not say "none" again for the shop to stay an honest alternative.
    /// </summary>
    private static IReadOnlySet<string> HonestAlternativesLocated(EvalQuery query, IReadOnlyList<ProductReply> replies)
    {
        if (query.Ask.FollowUp is not { Type: FollowUpType.Where } || replies.Count < 2
            || !ReplyText.SaysNone(ReplyText.FirstSentence(replies[^2].Text)))
        {
            return new HashSet<string>();
        }
        return replies[^2].Picks.Where(p => p.Alternative && p.ShopId is not null).Select(p => p.ShopId!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every (shop, menu item) that satisfies the query in the raw data; the item is null for shops without a menu.</summary>
    public IReadOnlyList<(RawShop Shop, RawMenu? Item)> RelevantPairs(EvalQuery query, ProductReply? previous = null) =>
        RelevantPairs(ConditionsFor(query, previous));

    private List<(RawShop Shop, RawMenu? Item)> RelevantPairs(Conditions conditions)
    {
        var pairs = new List<(RawShop, RawMenu?)>();
        foreach (var shop in catalog.Shops)
        {
            if (!ShopEligible(shop, conditions))
            {
                continue;
            }
            if (shop.Menus.Count == 0)
            {
                if (ItemRelevant(shop, null, conditions))
                {
                    pairs.Add((shop, null));
                }
                continue;
            }
            pairs.AddRange(shop.Menus.Where(item => ItemRelevant(shop, item, conditions)).Select(item => (shop, (RawMenu?)item)));
        }
        return pairs;
    }

    private Conditions ConditionsFor(EvalQuery query, ProductReply? previous)
    {
        var ask = query.Ask;
        var area = ask.Area is null ? null : catalog.ResolveArea(ask.Area);
        var location = query.Location is { } l ? new GeoPoint(l.Lat, l.Lng) : (GeoPoint?)null;
        int? cheaperThan = null;
        if (ask.FollowUp is { Type: FollowUpType.Cheaper } && previous is not null)
        {
            cheaperThan = previous.Picks.Where(p => p.ShownPrice is not null).Select(p => p.ShownPrice).Min();
        }
        return new Conditions(
            Area: area,
            Reference: location ?? area?.Point,
            Cap: ask.Budget?.Won,
            Balance: query.User.Card?.Balance,
            Coupons: _coupons.Get(query.User.Card?.CouponIds ?? []),
            CheaperThan: cheaperThan,
            Dish: ask.Dish,
            Exclude: ask.ExcludeDishes,
            NotSpicy: ask.NotSpicy,
            Minor: ask.Minor,
            At: ask.Time ?? now);
    }

    private bool ShopEligible(RawShop shop, Conditions c)
    {
        if (!shop.SellsFood || shop.RefusesMealCard)
        {
            return false;
        }
        if (c.Minor && safety.NotForChildren(shop) is not null)
        {
            return false;
        }
        if (shop.Hours?.IsOpenAt(c.At) == false)
        {
            return false;
        }
        if (c.Area is not null)
        {
            return catalog.Places.Contains(c.Area, shop) == Membership.In;
        }
        return c.Reference is not { } reference
               || (shop.Position is { } position && position.MetersTo(reference) <= MaxDistanceMeters);
    }

    private bool ItemRelevant(RawShop shop, RawMenu? item, Conditions c)
    {
        var priced = c.Cap is not null || c.Balance is not null || c.CheaperThan is not null;
        if (item is null)
        {
            // Without a menu line nothing is verified to fit a budget, only the shop's category or name can say the dish,
            // and nothing says a spicy dish comes mild.
            return !priced && (c.Dish is null || (dishes.ShopServes(c.Dish, shop) && !(c.NotSpicy && dishes.Get(c.Dish).Spicy)));
        }
        if (c.Minor && safety.IsAlcohol(item.Name))
        {
            return false;
        }
        if (c.Dish is not null)
        {
            var byCategory = dishes.Get(c.Dish).ByCategory && dishes.ShopServes(c.Dish, shop) && dishes.IsMeal(item.Name);
            if (!byCategory && !dishes.MenuIs(c.Dish, item.Name, shop))
            {
                return false;
            }
        }
        else if (!dishes.IsMeal(item.Name))
        {
            return false;
        }
        if (c.Exclude.Any(ex => dishes.MenuIs(ex, item.Name, shop)) || (c.NotSpicy && dishes.IsSpicy(item.Name)))
        {
            return false;
        }
        if (!priced)
        {
            return true;
        }
        if (item.High is not { } high)
        {
            return false;
        }
        // Coupons decide affordability: the card holder pays the price after the best coupon they hold.
        var payable = CouponBook.BestPrice(high, shop, c.Coupons);
        return (c.Cap is null || payable <= c.Cap)
               && (c.Balance is null || payable <= c.Balance)
               && (c.CheaperThan is null || payable < c.CheaperThan);
    }

    /// <param name="saysNone">The answer has said there is none, so a pick marked alternative is honest.</param>
    private IEnumerable<Violation> CheckPick(int number, Pick pick, RawShop shop, RawMenu? item, Conditions c, bool saysNone)
    {
        if (pick.MenuName is not null && item is null && (shop.Menus.Count > 0 || pick.Price is not null))
        {
            yield return new Violation(ViolationKind.WrongPrice, number, $"'{pick.MenuName}' is not on the raw menu of {shop}");
        }
        else if (pick.Price is { } price && item is not null && price != item.Low && price != item.High)
        {
            yield return new Violation(ViolationKind.WrongPrice, number, $"'{pick.MenuName}' is {Won(item.Low, item.High)} in the raw file, the answer says {price:N0}원");
        }
        else if (pick.Price is not null && item is null)
        {
            yield return new Violation(ViolationKind.WrongPrice, number, $"a price for {shop}, which lists no menu");
        }

        if (pick.ShownPrice is { } shown)
        {
            // A range is paid at its top: quoting its low end does not make the meal fit.
            var payable = shown + Math.Max(0, (item?.High ?? 0) - (pick.Price ?? 0));
            if (c.Cap is { } cap && payable > cap)
            {
                yield return new Violation(ViolationKind.OverBudget, number, $"{pick.MenuName} {payable:N0}원 > budget {cap:N0}원");
            }
            if (c.Balance is { } balance && payable > balance)
            {
                yield return new Violation(ViolationKind.OverBudget, number, $"{pick.MenuName} {payable:N0}원 > card balance {balance:N0}원");
            }
        }

        var excused = pick.Alternative && saysNone;
        var membership = c.Area is null ? Membership.Unknown : catalog.Places.Contains(c.Area, shop);
        if (c.Area is not null && membership == Membership.Out && !excused)
        {
            yield return new Violation(ViolationKind.OutsideArea, number, $"{shop} at '{shop.Address}' is not in {c.Area.Text}");
        }

        if (c.Dish is not null && !excused)
        {
            var isDish = item is not null
                ? dishes.MenuPlausiblyIs(c.Dish, item.Name, shop) || (dishes.Get(c.Dish).ByCategory && dishes.ShopServes(c.Dish, shop))
                : pick.MenuName is not null ? dishes.MenuPlausiblyIs(c.Dish, pick.MenuName, shop) : dishes.ShopServes(c.Dish, shop);
            if (!isDish)
            {
                var what = pick.MenuName is not null ? $"'{pick.MenuName}' at {shop}" : $"{shop} (category '{shop.Category}', no menu)";
                yield return new Violation(ViolationKind.NotTheDish, number,
                    $"{what} is not {dishes.Get(c.Dish).Label}{(pick.Alternative ? " (marked alternative, but the first sentence does not say there is none)" : "")}");
            }
        }

        if (c.Minor)
        {
            if (safety.IsAlcohol(item?.Name ?? pick.MenuName))
            {
                yield return new Violation(ViolationKind.AdultForMinor, number, $"'{pick.MenuName}' is alcohol");
            }
            else if (safety.NotForChildren(shop) is { } why)
            {
                yield return new Violation(ViolationKind.AdultForMinor, number, $"{shop} is not for children: {why}");
            }
        }

        if (c.Reference is { } reference && shop.Position is { } position && membership != Membership.In)
        {
            var meters = position.MetersTo(reference);
            if (meters > MaxDistanceMeters)
            {
                yield return new Violation(ViolationKind.TooFar, number,
                    $"{shop} is {meters / 1000:F1} km from the {(c.Area is null ? "device location" : c.Area.Text)}{(shop.PositionFromAddress ? " (placed by its address)" : "")}");
            }
        }
    }

    private static IEnumerable<Violation> Duplicates(List<(Pick Pick, RawShop? Shop, RawMenu? Item)> mapped)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < mapped.Count; i++)
        {
            var (pick, shop, _) = mapped[i];
            if (shop is null)
            {
                continue;
            }
            var keys = new[] { $"id:{shop.Id}", $"place:{TextKey.Of(shop.Name)}|{TextKey.AddressCore(shop.Address)}" };
            var earlier = keys.Select(k => seen.TryGetValue(k, out var n) ? n : 0).FirstOrDefault(n => n > 0);
            if (earlier > 0)
            {
                yield return new Violation(ViolationKind.Duplicate, i + 1, $"{pick.ShopName} is pick #{earlier} again");
            }
            foreach (var key in keys)
            {
                seen.TryAdd(key, i + 1);
            }
        }
    }

    /// <summary>"2번 가게는 어디 있어?": the reply states that pick's address and lists no other shop.</summary>
    private bool AnswersWhere(ProductReply previous, int number, ProductReply reply, List<string> notes)
    {
        if (number > previous.Picks.Count)
        {
            // There is no such pick: the honest answer says so and lists nothing.
            notes.Add($"the previous answer had {previous.Picks.Count} picks, so there is no #{number} to locate");
            return reply.Picks.Count == 0 && ReplyText.SaysNone(ReplyText.FirstSentence(reply.Text));
        }
        var asked = previous.Picks[number - 1];
        var shop = catalog.Find(asked.ShopId, asked.ShopName, asked.Address);
        if (shop?.Address is null)
        {
            notes.Add($"pick #{number} ({asked.ShopName}) has no raw address to check");
            return reply.Picks.All(p => p.ShopId == asked.ShopId);
        }
        var words = shop.Address.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The address from the 동 or road on: "연동 261-68", "대림로22길 33" (the 시도 and 시군구 may be shortened).
        var skip = words.TakeWhile(w => SidoNames.TryShort(w) is not null || catalog.Places.Gazetteer.IsSigungu(catalog.Sido, w)).Count();
        var core = TextKey.AddressCore(string.Join(' ', words.Skip(skip)));
        var statesAddress = core.Length > 0 && TextKey.Of(reply.Text).Contains(core, StringComparison.Ordinal);
        var onlyThatShop = reply.Picks.All(p => catalog.Find(p.ShopId, p.ShopName, p.Address) == shop);
        if (!statesAddress)
        {
            notes.Add($"expected the address of {shop.Name}: {shop.Address}");
        }
        if (!onlyThatShop)
        {
            notes.Add("the reply lists other shops");
        }
        return statesAddress && onlyThatShop;
    }

    private IReadOnlyList<string> Examples(List<(RawShop Shop, RawMenu? Item)> relevant, Conditions c) =>
        [.. relevant
            .OrderBy(r => c.Reference is { } reference && r.Shop.Position is { } p ? p.MetersTo(reference) : double.MaxValue)
            .ThenBy(r => r.Item?.High ?? 0)
            .DistinctBy(r => r.Shop)
            .Take(3)
            .Select(r => $"{r.Shop.Name} ({r.Shop.Id}){(r.Item is null ? "" : $" — {r.Item.Name} {Won(r.Item.Low, r.Item.High)}")}"
                         + (c.Reference is { } reference && r.Shop.Position is { } p ? $", {p.MetersTo(reference) / 1000:F1} km" : ""))];

    /// <summary>The raw menu line a pick names; among lines of the same name (repeated rows), the one with the quoted price.</summary>
    private static RawMenu? FindItem(RawShop shop, string? menuName, int? price)
    {
        if (menuName is null)
        {
            return null;
        }
        var key = TextKey.Of(menuName);
        var same = shop.Menus.Where(m => TextKey.Of(m.Name) == key).ToList();
        return same.FirstOrDefault(m => price is not null && (m.Low == price || m.High == price)) ?? same.FirstOrDefault();
    }

    private static string Won(int? low, int? high) =>
        high is null ? "no price" : low == high ? $"{high:N0}원" : $"{low:N0}~{high:N0}원";

    private sealed record Conditions(
        NamedArea? Area,
        GeoPoint? Reference,
        int? Cap,
        int? Balance,
        IReadOnlyList<CouponTerms> Coupons,
        int? CheaperThan,
        string? Dish,
        IReadOnlyList<string> Exclude,
        bool NotSpicy,
        bool Minor,
        DateTime At);
}
