using System.Globalization;
using System.Text;
using Naviyam.Chat;
using Naviyam.Coupons;
using Naviyam.Retrieval;
using Naviyam.Shops;
using static Naviyam.Reply.KoreanFormat;

namespace Naviyam.Reply;

/// <summary>
/// Writes the answer in friendly 해요체 Korean. It only ever names meals and prices that are in the data:
/// a shop without prices is said to have none, never given an invented one.
/// </summary>
public sealed class ReplyComposer
{
    public string Compose(ReplyContext context)
    {
        if (context.Unsure)
        {
            // Low confidence: a short question beats a confident wrong list.
            return "음, 제가 잘 이해했는지 모르겠어요. 먹고 싶은 음식이나 쓸 수 있는 금액을 한 번만 더 알려 줄래요? 예를 들어 \"5천원으로 떡볶이\"처럼요.";
        }

        if (context.Intent == Intents.GeneralChat && context.Picks.Count == 0)
        {
            return context.SlotsReset
                ? "좋아요, 처음부터 다시 찾아볼게요! 먹고 싶은 음식이나 쓸 수 있는 금액을 알려 줘요."
                : SmallTalk(context.CompactText);
        }

        if (context.AmbiguousPlaces.Count > 0)
        {
            var names = string.Join(", ", context.AmbiguousPlaces.Take(4));
            return $"말한 곳이 여러 군데 있어서 어디인지 모르겠어요: {names}. 어느 쪽인지 시나 구 이름을 붙여서 알려 줄래요?";
        }

        var text = new StringBuilder();
        if (context.Intent == Intents.CouponInquiry)
        {
            // A question about coupons is answered about coupons first.
            text.Append(DescribeCoupons(context.UsableCoupons, context.Now, context.Picks.Any(p => p.Coupon is not null))).Append(' ');
        }

        if (context.NoOthersLeft)
        {
            return "지금 조건에 맞는 곳은 앞에서 다 알려 줬어요. 음식이나 동네, 금액을 바꿔서 물어보면 다른 곳을 찾아볼게요.";
        }

        if (!context.Outcome.Matched)
        {
            // The first sentence tells the truth: nothing matches, and why; then what is offered instead, if anything.
            text.Append(NoneSentence(context));
            if (context.Picks.Count > 0)
            {
                text.Append(' ').Append(AlternativesIntro(context)).Append('\n');
                AppendPicks(text, context);
                text.Append(PaymentNote(context));
            }
            else
            {
                text.Append(' ').Append(NextStep(context));
            }
            AppendHelpWhenHungry(text, context);
            return text.ToString().TrimEnd();
        }

        if (context.Picks.Count == 0)
        {
            // Nothing was searched for (or the search found nothing at all to say about): ask for what helps.
            text.Append("지금 조건에 맞는 곳을 찾지 못했어요. 먹고 싶은 음식이나 예산을 조금 바꿔서 다시 물어봐 줄래요?");
            return text.ToString().TrimEnd();
        }

        text.Append(UrgencyAcknowledgement(context));
        if (context.UnlocatedPlace is { } place)
        {
            text.Append(context.HasLocation
                ? $"{place}{SubjectParticle(place)} 어디인지 찾지 못해서 지금 있는 곳 근처로 찾았어요. "
                : $"{place}{SubjectParticle(place)} 어디인지 아직 몰라서 가까운 순으로는 고르지 못했어요. ");
        }
        if (context.CheaperUnknown)
        {
            text.Append("앞에서 알려 준 곳들은 메뉴 가격을 알 수 없어서 어디가 더 싼지 비교할 수가 없어요. 대신 다른 곳을 골라 봤어요. ");
        }
        else if (context.OthersAsked)
        {
            text.Append("앞에서 알려 준 곳 말고 다른 곳으로 골라 봤어요. ");
        }
        text.Append(Opening(context)).Append('\n');
        AppendPicks(text, context);
        if (context.PricesUnconfirmed)
        {
            text.Append("주문하기 전에 가격을 꼭 물어봐 주세요. ");
        }
        text.Append(PaymentNote(context));
        if (context.DietApplied)
        {
            text.Append(context.HasAllergy
                ? " 알레르기가 있는 재료가 이름에 들어간 메뉴는 뺐지만, 이름만으로는 다 알 수 없으니 주문할 때 가게에 꼭 말해 주세요."
                : " 못 먹는다고 한 재료가 들어간 메뉴는 빼고 골랐어요.");
        }
        if (MissingSlotQuestion(context) is { } question)
        {
            text.Append('\n').Append(question);
        }
        return text.ToString().TrimEnd();
    }

    private static void AppendPicks(StringBuilder text, ReplyContext context)
    {
        for (var i = 0; i < context.Picks.Count; i++)
        {
            text.Append(i + 1).Append(". ").Append(Describe(context.Picks[i])).Append('\n');
        }
    }

    private static string PaymentNote(ReplyContext context) =>
        context.Picks.Any(p => p.Candidate.Shop.MealCard == MealCardAcceptance.Partial)
            ? "급식카드 사용 조건은 가게마다 달라서, 주문 전에 한 번 확인해 주세요."
            : "모두 급식카드로 결제할 수 있는 곳이에요.";

    /// <summary>
    /// The first sentence when nothing matches: where, and the conditions that decided it, around what was asked —
    /// "아라동에는 6,000원 이하 김밥 파는 곳이 없어요", "근처에는 안 매운 떡볶이 파는 곳이 없어요". Only the deciding
    /// conditions are named: a budget that was not the reason is not blamed.
    /// </summary>
    private static string NoneSentence(ReplyContext context)
    {
        var limits = context.Outcome.Limits;
        if (limits is [SearchLimit.Distance])
        {
            return "근처 20km 안에는 급식카드로 먹을 수 있는 가맹점이 없어요.";
        }
        if (context.Area is null && context.UnlocatedPlace is { } unplaced)
        {
            return $"{unplaced}{SubjectParticle(unplaced)} 어디인지 찾지 못했어요.";
        }
        var where = context.Area is { } area ? $"{area}에는 " : context.HasLocation ? "근처에는 " : "";
        var conditions = new List<string>();
        if (limits.Contains(SearchLimit.Hours))
        {
            conditions.Add(context.LaterTime is { } later ? $"{later}{(later[^1] is '에' ? "" : "에")} 문 여는" : "지금 문 연");
        }
        if (limits.Contains(SearchLimit.Budget) && BudgetWords(context) is { } money)
        {
            conditions.Add(money);
        }
        if (limits.Contains(SearchLimit.Restriction))
        {
            conditions.Add(context.NotSpicy ? "안 매운"
                : context.TurnedDown.Count > 0 ? $"{string.Join(", ", context.TurnedDown)} 말고 다른"
                : "못 먹는 재료가 없는");
        }
        var food = context.Slots.FoodType;
        if (food is not null && context.Outcome.Alternatives == AlternativeKind.MightServe)
        {
            // Shops without menus may well sell it: what is missing is a shop known to.
            var known = string.Join(' ', conditions.Append(food));
            return $"{where}{known}{ObjectParticle(known)} 판다고 확인된 곳은 없어요.";
        }
        string noun;
        if (food is not null)
        {
            noun = IsShopWord(food) ? food : $"{food} 파는 곳";
        }
        else if (limits.Contains(SearchLimit.Restriction))
        {
            // "안 매운 메뉴를 파는 곳": the restriction describes the food, not the shop.
            noun = $"{conditions[^1]} 메뉴를 파는 곳";
            conditions.RemoveAt(conditions.Count - 1);
        }
        else
        {
            noun = context.Area is null && conditions.Count == 0 ? "급식카드로 먹을 수 있는 곳" : "먹을 수 있는 곳";
        }
        var phrase = string.Join(' ', conditions.Append(noun));
        return $"{where}{phrase}{SubjectParticle(phrase)} 없어요.";
    }

    /// <summary>"6,000원 이하 (김밥 파는 곳)", "5,000원 안에서 (먹을 수 있는 곳)", "급식카드 잔액 5,000원 안에서", "7,000원보다 싼".</summary>
    private static string? BudgetWords(ReplyContext context) =>
        context.CheaperThan is { } ceiling ? $"{Won(ceiling)}보다 싼"
        : context.BudgetCap is not { } cap ? null
        : context.BudgetFromCard ? $"급식카드 잔액 {Won(cap)} 안에서"
        : context.Slots.FoodType is null ? $"{Won(cap)} 안에서" : $"{Won(cap)} 이하";

    /// <summary>What the alternatives below are, said before them.</summary>
    private static string AlternativesIntro(ReplyContext context)
    {
        var food = context.Slots.FoodType;
        return context.Outcome.Alternatives switch
        {
            AlternativeKind.OutsideArea => $"대신 {context.Area ?? "그 동네"} 밖에서 가까운 곳을 골라 봤어요.",
            AlternativeKind.NearUserInstead => "대신 지금 있는 곳 근처에서 골라 봤어요.",
            AlternativeKind.SimilarDish => $"대신 비슷한 메뉴가 있는 곳을 골라 봤어요.",
            AlternativeKind.MightServe => food is null
                ? "메뉴 정보가 없는 가게 중에서 골라 봤어요. 가기 전에 전화로 물어봐 주세요."
                : $"메뉴 정보가 없어서 확실하지는 않지만, {food}{ObjectParticle(food)} 팔 수도 있는 곳을 골라 봤어요. 가기 전에 전화로 물어봐 주세요.",
            _ => "대신 이런 곳은 어때요?",
        };
    }

    /// <summary>What the child can do next when nothing at all is offered.</summary>
    private static string NextStep(ReplyContext context)
    {
        var limits = context.Outcome.Limits;
        var food = context.Slots.FoodType;
        var step = new StringBuilder();
        if (context.Area is null && context.UnlocatedPlace is not null)
        {
            return "근처 동 이름(예: ○○동)이나 구 이름을 알려 주거나 위치를 공유해 주면 그곳에서 찾아 줄게요.";
        }
        if (limits.Contains(SearchLimit.Area))
        {
            step.Append("근처 20km 안에서도 찾지 못했어요. ");
        }
        if (limits.Contains(SearchLimit.Budget) && context.CheaperThan is { } ceiling)
        {
            step.Append("앞에서 알려 준 곳이 지금은 가장 저렴해요.");
        }
        else if (limits.Contains(SearchLimit.Budget))
        {
            if (context.CheapestEligible is { Meal: { } meal } cheapest)
            {
                var price = cheapest.FinalPrice ?? meal.Price!.Value;
                step.Append(CultureInfo.InvariantCulture, $"{(food is null ? "갈 수 있는 곳" : food)} 중 가장 저렴한 건 {cheapest.Shop.Name}의 {meal.Name} {Won(price)}이에요. ");
            }
            step.Append("금액을 조금 올리거나 다른 음식을 말해 주면 다시 찾아볼게요.");
        }
        else if (limits.Contains(SearchLimit.Hours))
        {
            step.Append("문 여는 시간에 다시 물어보거나, 다른 음식을 말해 주면 지금 문 연 곳을 찾아볼게요.");
        }
        else if (limits.Contains(SearchLimit.Restriction))
        {
            step.Append(context.NotSpicy && food is not null
                ? $"안 맵게 해 줄 수 있는지 가게에 물어보거나, 다른 음식을 말해 주면 다시 찾아볼게요."
                : "다른 음식을 말해 주면 먹을 수 있는 걸로 다시 찾아볼게요.");
        }
        else if (limits.Contains(SearchLimit.Dish))
        {
            step.Append("다른 음식을 말해 주면 다시 찾아볼게요.");
        }
        else if (limits.Contains(SearchLimit.Distance))
        {
            step.Append("다른 동네 이름을 말해 주면 그곳에서 찾아볼게요.");
        }
        else
        {
            step.Append("음식이나 동네를 바꿔서 다시 물어봐 줄래요?");
        }
        if (!context.HasLocation && context.Area is null)
        {
            step.Append(' ').Append(context.UnlocatedPlace is null
                ? "지금 어디 근처인지 알려 주면 가까운 곳부터 찾아 줄게요."
                : "근처 동 이름(예: ○○동)을 알려 주거나 위치를 공유해 주면 가까운 곳부터 다시 찾아 줄게요.");
        }
        return step.ToString().TrimEnd();
    }

    /// <summary>
    /// A hungry or hurried child hears first that it was heard, whether the intent model called the message an
    /// emergency or a plain request ("배고파 죽겠어", "너무 배고파"): only open shops are promised as open, and a hurry
    /// without hunger ("빨리 먹을 데") is not told it is hungry.
    /// </summary>
    private static string UrgencyAcknowledgement(ReplyContext context)
    {
        if (context.Intent != Intents.EmergencyFood && !context.Urgent)
        {
            return "";
        }
        var allOpen = context.Picks.All(pick => pick.Candidate.OpenNow == true);
        if (context.Intent != Intents.EmergencyFood && !SaysHunger(context.CompactText))
        {
            return allOpen ? "급하죠? 지금 바로 갈 수 있는 곳부터 알려 줄게요. " : "급하죠? 얼른 찾아봤어요. ";
        }
        return allOpen ? "많이 배고프죠? 지금 바로 먹을 수 있는 곳부터 알려 줄게요. " : "많이 배고프죠? 얼른 찾아봤어요. ";
    }

    /// <summary>The message speaks of hunger (배고파, 배가 너무 고파, 굶었어, 허기져, 꼬르륵) rather than only of a hurry.</summary>
    private static bool SaysHunger(string? compactText) =>
        compactText is not null && HungerWords.Any(word => compactText.Contains(word, StringComparison.Ordinal));

    private static readonly string[] HungerWords = ["배고", "고파", "고프", "고픈", "굶", "허기", "꼬르륵", "쓰러질", "배가비"];

    /// <summary>A hungry child with no money or nothing to eat is pointed to real help.</summary>
    private static void AppendHelpWhenHungry(StringBuilder text, ReplyContext context)
    {
        if (context.Picks.Count == 0 && (context.Intent == Intents.EmergencyFood || context.BudgetCap == 0))
        {
            text.Append("\n혹시 끼니를 거르고 있다면 가까운 주민센터나 지역아동센터에 꼭 도움을 요청해 주세요. 청소년상담전화 1388도 언제든 받아 줘요.");
        }
    }

    /// <summary>Where a shop offered earlier is: its address from the data, and how far it was from the user.</summary>
    public string Where(RecommendationView shop, string? address)
    {
        var distance = shop.DistanceMeters is { } meters ? $" 아까 기준으로 {Distance(meters, shop.DistanceApproximate)} 거리예요." : "";
        return address is null
            ? $"{shop.ShopName}{TopicParticle(shop.ShopName)} 주소 정보가 없어서 위치를 알려 줄 수 없어요.{distance} 지도 앱에서 가게 이름으로 찾아봐 줄래요?"
            : $"{shop.ShopName}{TopicParticle(shop.ShopName)} {address}에 있어요.{distance} 지도 앱에 주소를 넣으면 가는 길을 볼 수 있어요.";
    }

    private static readonly string[] ThanksCues = ["고마", "고맙", "감사", "땡큐", "땡스", "쌩유", "ㄱㅅ", "ㄳ", "thank", "thx"];
    private static readonly string[] ByeCues = ["잘가", "잘있어", "바이", "빠이", "ㅂㅂ", "ㅂㅇ", "안녕히", "다음에봐", "담에봐", "나중에봐", "bye"];

    /// <summary>Social talk answered as a person would: thanks and goodbyes are not greeted with an introduction.</summary>
    private static string SmallTalk(string? compactText)
    {
        var said = compactText?.ToLowerInvariant() ?? "";
        if (ThanksCues.Any(cue => said.Contains(cue, StringComparison.Ordinal)))
        {
            return "천만에요! 맛있게 먹어요. 또 배고프면 언제든 불러 줘요.";
        }
        if (ByeCues.Any(cue => said.Contains(cue, StringComparison.Ordinal)))
        {
            return "잘 가요! 밥 꼭 챙겨 먹고, 필요하면 또 불러 줘요.";
        }
        return "안녕하세요! 저는 나비얌이에요. 먹고 싶은 음식이나 쓸 수 있는 금액을 말해 주면, 급식카드로 지금 먹을 수 있는 곳을 찾아 줄게요. 예를 들어 \"5천원으로 떡볶이 먹고 싶어\"처럼요.";
    }

    /// <summary>
    /// The one question that would improve the next answer most, asked while still answering: money first (it
    /// decides what is possible), then place (it decides what is reachable), then the kind of food.
    /// </summary>
    private static string? MissingSlotQuestion(ReplyContext context)
    {
        if (context.BudgetCap is null)
        {
            return "예산이 얼마쯤인지 알려 주면 그 안에서 먹을 수 있는 메뉴로 골라 줄게요.";
        }
        if (!context.HasLocation)
        {
            return context.UnlocatedPlace is null
                ? "지금 어디 근처인지 알려 주면 가까운 곳부터 찾아 줄게요."
                : "근처 동 이름(예: ○○동)을 알려 주거나 위치를 공유해 주면 가까운 곳부터 다시 찾아 줄게요.";
        }
        if (context.Slots.FoodType is null && !context.AsksPreference)
        {
            return "특별히 먹고 싶은 음식이 있으면 말해 줘요!";
        }
        return null;
    }

    private static string Opening(ReplyContext context)
    {
        var food = context.Slots.FoodType;
        // "편의점 3군데", not "편의점 먹을 수 있는 곳": some food words already name a kind of shop.
        var subject = food is null
            ? context.WishedDish is { } wished && context.Picks.Any(p => p.Candidate.FoodMatched) ? $"{wished} 먹을 수 있는 곳" : "먹을 수 있는 곳"
            : IsShopWord(food) ? food : $"{food} 먹을 수 있는 곳";
        var count = context.Picks.Count;
        if (context.PricesUnconfirmed && context.BudgetCap is { } limit)
        {
            // Listed apart from anything verified: these shops are not presented as fitting the budget.
            var money = context.BudgetFromCard ? $"급식카드 잔액 {Won(limit)}" : Won(limit);
            var usually = food is null ? "먹을 수 있는 곳" : IsShopWord(food) ? $"먹을 수 있는 {food}" : subject;
            var cheapest = context.CheapestEligible is { Meal: { } meal } shop
                ? $" 가격이 확인된 메뉴 중 가장 저렴한 건 {shop.Shop.Name}의 {meal.Name} {Won(shop.FinalPrice ?? meal.Price!.Value)}이에요."
                : "";
            var there = context.Area is { } named ? $"{named}에서 " : "";
            return $"아쉽지만 {there}{money} 안에서 먹을 수 있다고 가격이 확인된 메뉴는 찾지 못했어요.{cheapest}\n"
                   + $"메뉴 가격 정보가 없는 가맹점 중에서는, 보통 그 금액으로 {usually} {count}군데가 있어요.";
        }
        var budgetPart = context.CheaperThan is { } ceiling
            ? $"{Won(ceiling)}보다 싸게 "
            : context.BudgetCap is { } cap
                ? context.BudgetFromCard ? $"급식카드 잔액 {Won(cap)} 안에서 " : $"{Won(cap)} 안에서 "
                : "";
        // "밤 10시에 먹을 수 있는 곳": the shops were chosen for that hour, not for now, and the child should know.
        if (context.LaterTime is { } later)
        {
            budgetPart = $"{later}{(later[^1] is '에' or '가' or '다' or '따' or '서' ? "" : "에")} {budgetPart}";
        }
        if (context.Area is { } area)
        {
            budgetPart = $"{area}에서 {budgetPart}";
        }
        return count == 1
            ? $"{budgetPart}{subject}{ObjectParticle(subject)} 찾았어요."
            : $"{budgetPart}{subject} {count}군데를 골라 봤어요.";
    }

    private static readonly string[] ShopWordEndings = ["편의점", "분식점", "집", "식당", "카페", "가게", "베이커리", "매점", "마트"];

    private static bool IsShopWord(string food) => ShopWordEndings.Any(ending => food.EndsWith(ending, StringComparison.Ordinal));

    private static string Describe(RankedCandidate pick)
    {
        var candidate = pick.Candidate;
        var line = new StringBuilder(candidate.Shop.Name);
        if (candidate.Alternative == AlternativeKind.OutsideArea && pick.AreaName is { } area)
        {
            line.Append(" (").Append(area).Append(')');
        }
        if (candidate.Meal is { Price: { } price } meal)
        {
            line.Append(" — ").Append(meal.Name).Append(' ').Append(Won(price));
        }
        else if (candidate.Shop.Category != FoodCategory.Other)
        {
            // No price to show: the kind of shop at least tells the child what to expect.
            line.Append(" (").Append(candidate.Shop.Category.ToKorean()).Append(')');
        }
        if (pick.Coupon is { } coupon)
        {
            line.Append(" → 쿠폰 쓰면 ").Append(Won(coupon.PriceAfterDiscount)).Append(" (").Append(coupon.Coupon.Coupon.Name).Append(')');
        }
        if (candidate.DistanceMeters is { } meters)
        {
            line.Append(", ").Append(Distance(meters, candidate.ApproximateDistance));
        }
        if (pick.Flags.Count > 0)
        {
            line.Append(" [").Append(string.Join(", ", pick.Flags)).Append(']');
        }
        return line.ToString();
    }

    /// <summary>
    /// The wallet in a sentence or two: how many coupons, their names (three at most), and a nudge for one that
    /// ends within a week. Names come from the coupon rows, never made up.
    /// </summary>
    private static string DescribeCoupons(IReadOnlyList<WalletCoupon> coupons, DateTimeOffset? now, bool picksUseCoupons)
    {
        if (coupons.Count == 0)
        {
            return "지금 바로 쓸 수 있는 쿠폰은 없어요.";
        }
        var names = string.Join(", ", coupons.Take(3).Select(c => c.Coupon.Name));
        var more = coupons.Count > 3 ? $" 외 {coupons.Count - 3}장" : "";
        var text = new StringBuilder($"지금 쓸 수 있는 쿠폰이 {coupons.Count}장 있어요: {names}{more}.");
        var soonest = coupons.Where(c => c.ExpiresAt is not null).MinBy(c => c.ExpiresAt);
        if (now is { } instant && soonest?.ExpiresAt is { } expiresAt && expiresAt - instant <= TimeSpan.FromDays(7))
        {
            // ExpiresAt is the first instant it is no longer usable: the last day is the Seoul date just before it.
            var lastDay = Naviyam.Time.SeoulClock.ToSeoul(expiresAt.AddTicks(-1));
            text.Append(CultureInfo.InvariantCulture, $" {soonest.Coupon.Name}{TopicParticle(soonest.Coupon.Name)} {lastDay.Month}월 {lastDay.Day}일까지라서 먼저 쓰는 게 좋아요.");
        }
        if (picksUseCoupons)
        {
            text.Append(" 아래 메뉴에는 가장 많이 깎아 주는 쿠폰을 적용한 가격도 같이 적어 둘게요.");
        }
        return text.ToString();
    }

    private static string TopicParticle(string word) => KoreanParticles.Topic(word);

    private static string SubjectParticle(string word) => KoreanParticles.Subject(word);

    private static string ObjectParticle(string word) => KoreanParticles.Object(word);
}
