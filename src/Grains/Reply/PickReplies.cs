using System.Globalization;
using System.Text;
using Naviyam.Chat;
using Naviyam.Shops;
using static Naviyam.Reply.KoreanFormat;
using static Naviyam.Reply.KoreanParticles;

namespace Naviyam.Reply;

/// <summary>
/// Answers about one pick of the last answer — where it is, how far, what it costs, its menu, its hours, its phone — from
/// the data only: the catalog's address, menus, hours and phone, and the distance and coupon the pick was shown with.
/// Nothing is guessed; what the data lacks is said to be unknown.
/// </summary>
public static class PickReplies
{
    /// <summary>Walking pace for "걸어서 몇 분": about 4 km/h, a child's pace.</summary>
    private const double MetersPerMinute = 67;

    private const int MenuItemsNamed = 6;

    /// <summary>"5번 가게는 없어요": the pick asked about was never offered.</summary>
    public static string Missing(int number, int offered) => offered == 0
        ? "아직 알려 준 가게가 없어요. 먹고 싶은 음식이나 예산을 말해 주면 찾아 줄게요!"
        : string.Create(CultureInfo.InvariantCulture,
            $"{number}번 가게는 없어요. 아까는 {offered}군데만 알려 줬어요. 1번부터 {offered}번 중에서 물어봐 줄래요?");

    public static string Where(int number, RecommendationView pick, ShopRecord? shop)
    {
        var name = Named(number, pick);
        var distance = pick.DistanceMeters is { } meters ? $" 아까 있던 곳에서 {Distance(meters, pick.DistanceApproximate)} 거리예요." : "";
        return shop?.Address is { Length: > 0 } address
            ? $"{name}{Topic(pick.ShopName)} {address}에 있어요.{distance} 지도 앱에 주소를 넣으면 가는 길을 볼 수 있어요."
            : $"{name}{Topic(pick.ShopName)} 주소 정보가 없어서 위치를 알려 줄 수 없어요.{distance} 지도 앱에서 가게 이름으로 찾아봐 줄래요?";
    }

    public static string HowFar(int number, RecommendationView pick, ShopRecord? shop)
    {
        var name = Named(number, pick);
        if (pick.DistanceMeters is not { } meters)
        {
            return $"{name}까지 얼마나 먼지는 위치를 몰라서 알 수 없어요. 지금 있는 곳을 알려 주면 가까운 곳부터 다시 찾아 줄게요."
                   + (shop?.Address is { Length: > 0 } address ? $" 주소는 {address}{Copula(address)}." : "");
        }
        var minutes = Math.Max(1, (int)Math.Round(meters / MetersPerMinute));
        var walk = meters <= 3_000 ? $" 걸어서 {minutes}분쯤 걸려요." : " 걸어가기엔 멀어서 버스나 어른의 도움을 받는 게 좋아요.";
        return $"{name}까지는 {Distance(meters, pick.DistanceApproximate)}예요.{walk}" + (shop?.Address is { Length: > 0 } at ? $" 주소는 {at}{Copula(at)}." : "");
    }

    public static string Price(int number, RecommendationView pick, ShopRecord? shop)
    {
        var name = Named(number, pick);
        if (pick.MenuName is not { } menu || pick.Price is not { } price)
        {
            return $"{name}{Topic(pick.ShopName)} 메뉴 가격 정보가 없어서 얼마인지 알 수 없어요. 가기 전에 가게에 꼭 물어봐 주세요." + PhoneHint(shop);
        }
        var text = new StringBuilder($"{name}의 {menu}{Topic(menu)} {Won(price)}{Copula(Won(price))}.");
        if (pick.CouponName is { } coupon && pick.FinalPrice is { } final && final < price)
        {
            text.Append(CultureInfo.InvariantCulture, $" {coupon} 쿠폰을 쓰면 {Won(final)}에 먹을 수 있어요.");
        }
        var others = OtherMeals(shop, menu);
        if (others.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" 다른 메뉴는 {others}{Subject(others)} 있어요.");
        }
        return text.ToString();
    }

    public static string Menu(int number, RecommendationView pick, ShopRecord? shop)
    {
        var name = Named(number, pick);
        var meals = Meals(shop).ToList();
        if (meals.Count == 0)
        {
            var kind = shop is not null && shop.Category != FoodCategory.Other ? $" {shop.Category.ToKorean()} 가게예요." : "";
            return $"{name}{Topic(pick.ShopName)} 메뉴 정보가 없어요.{kind} 메뉴와 가격은 가게에 직접 물어봐 주세요." + PhoneHint(shop);
        }
        var listed = string.Join(", ", meals.Take(MenuItemsNamed).Select(Describe));
        var more = meals.Count > MenuItemsNamed ? $" 말고도 {meals.Count - MenuItemsNamed}가지가 더 있어요." : $"{Subject(listed)} 있어요.";
        return $"{name}에서 밥으로 먹을 수 있는 메뉴는 {listed}{more}";
    }

    public static string Hours(int number, RecommendationView pick, ShopRecord? shop, DateTimeOffset localNow)
    {
        var name = Named(number, pick);
        var today = shop?.Hours?.For(localNow.DayOfWeek);
        if (today is null)
        {
            return $"{name}{Topic(pick.ShopName)} 영업시간 정보가 없어서 가기 전에 확인이 필요해요." + PhoneHint(shop);
        }
        if (today.Closed)
        {
            return $"{name}{Topic(pick.ShopName)} 오늘 쉬는 날이에요.";
        }
        var open = shop!.Hours!.IsOpenAt(localNow.DayOfWeek, localNow.Hour * 60 + localNow.Minute) == true ? "지금은 영업 중이에요." : "지금은 문을 닫았어요.";
        if (today.Intervals is [{ OpenMinute: 0, CloseMinute: >= WeeklyHours.MinutesPerDay }])
        {
            return $"{name}{Topic(pick.ShopName)} 오늘 24시간 문을 열어요. {open}";
        }
        var spans = string.Join(", ", today.Intervals.Select(i => $"{Clock(i.OpenMinute)}~{(i.CloseMinute > WeeklyHours.MinutesPerDay ? "다음 날 " : "")}{Clock(i.CloseMinute)}"));
        return $"{name}{Topic(pick.ShopName)} 오늘 {spans}에 문을 열어요. {open}";
    }

    public static string Phone(int number, RecommendationView pick, ShopRecord? shop) =>
        shop?.Phone is { Length: > 0 } phone
            ? $"{Named(number, pick)} 전화번호는 {phone}{Copula(phone)}."
            : $"{Named(number, pick)}{Topic(pick.ShopName)} 전화번호 정보가 없어요. 지도 앱에서 가게 이름으로 찾아봐 줄래요?";

    /// <summary>The pick in short: its meal and price, where it is and how far, and how to order it when the card can.</summary>
    public static string Details(int number, RecommendationView pick, ShopRecord? shop, bool canOrder)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{number}번은 {pick.ShopName}"));
        if (pick.MenuName is { } menu && pick.Price is { } price)
        {
            text.Append(CultureInfo.InvariantCulture, $"의 {menu} {Won(price)}");
            if (pick.CouponName is not null && pick.FinalPrice is { } final && final < price)
            {
                text.Append(CultureInfo.InvariantCulture, $"(쿠폰 쓰면 {Won(final)})");
            }
            text.Append("이에요.");
        }
        else
        {
            text.Append(Copula(pick.ShopName)).Append(". 메뉴 가격 정보는 없어요.");
        }
        if (shop?.Address is { Length: > 0 } address)
        {
            text.Append(CultureInfo.InvariantCulture, $" {address}에 있어요");
            text.Append(pick.DistanceMeters is { } meters ? $"({Distance(meters, pick.DistanceApproximate)})." : ".");
        }
        if (canOrder && pick.Price is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" 이걸로 주문하려면 \"{number}번으로 주문해 줘\"라고 말해 줘요.");
        }
        return text.ToString();
    }

    /// <summary>"2번 행복분식": the number and the name, so the child knows which one is meant.</summary>
    private static string Named(int number, RecommendationView pick) => $"{number}번 {pick.ShopName}";

    /// <summary>Meals with their prices, priced ones cheapest first; never alcohol, drinks or add-ons.</summary>
    private static IEnumerable<MenuItem> Meals(ShopRecord? shop) =>
        (shop?.Menus ?? []).Where(m => m.Kind is MenuKind.Meal or MenuKind.SharedSet)
            .OrderBy(m => m.Price is null)
            .ThenBy(m => m.Price)
            .DistinctBy(m => m.Name);

    private static string OtherMeals(ShopRecord? shop, string menu) =>
        string.Join(", ", Meals(shop).Where(m => m.Name != menu && m.Price is not null).Take(3).Select(Describe));

    private static string Describe(MenuItem item) => item.Price is { } price ? $"{item.Name} {Won(price)}" : item.Name;

    private static string PhoneHint(ShopRecord? shop) =>
        shop?.Phone is { Length: > 0 } phone ? $" 전화번호는 {phone}{Copula(phone)}." : "";

    private static string Clock(int minute)
    {
        var m = minute % WeeklyHours.MinutesPerDay;
        return string.Create(CultureInfo.InvariantCulture, $"{m / 60:00}:{m % 60:00}");
    }
}
