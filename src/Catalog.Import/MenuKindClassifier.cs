using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Naviyam.Lexicons;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>
/// Decides what each item of a shop's menu is: a meal, a drink, alcohol, a side, an add-on, a dessert or a set for
/// several people. Only meals ever satisfy a budget or a hunger request, and alcohol is never shown to a minor, so
/// the classifier sees a shop's whole menu at once:
/// <list type="number">
/// <item><b>Alcohol first</b>, by word, brand token or strength ("25도"), unless the word only flavours a dish
///   (와인삼겹살, 한라산 칡냉면, 사케동); then unknown names inside a drink list that holds alcohol (a wine's château),
///   and drinks such as 모히또 where the shop sells alcohol.</item>
/// <item><b>The name</b>: Korean dish names put the head noun last (딸기 스무디, 김치볶음밥, 라면사리), so the main
///   rule is the longest matching ending of the normalised name; notes such as "(추가)" and "후식" come first, combos
///   ("돈가스+새우튀김") are classified by their first part, and words found anywhere are the fallback. A name no rule
///   knows is a meal, or what its shop's category makes it (a drink in a cafe).</item>
/// <item><b>Head-counts</b>: a meal for two or more ("2인", "3~4인", "패밀리"; not "2인 이상", a minimum order) is a set
///   for several people.</item>
/// <item><b>The price next to the shop's other meals</b>: a meal with a size or platter word ("대", "中", "모둠",
///   "한판") well above the shop's one-person meal is a set for several people, and so is a set ("세트") far above it;
///   an unknown name at a fraction of it is a side, and so is a meal by name at a small fraction (the 2,000-won 볶음밥
///   of a barbecue place, never a children's meal); a side by name at several times it is a dish (복튀김).</item>
/// </list>
/// All words and thresholds are data (<see cref="MenuKindTable"/>, <c>data/catalog/menu-kinds.json</c>); the
/// figures on the team's labelled sample of real items are in <c>docs/quality.md</c>. Immutable and thread-safe.
/// </summary>
public sealed partial class MenuKindClassifier
{
    private readonly MenuKindTable table;
    // Ending rules, longest word first across all kinds, with the rule order as the tie-breaker.
    private readonly (string Word, NameRule Rule)[] endings;
    // What separates the things a name lists: "소주/맥주", "음료(콜라류,소주류)", "생선미역국+돔배고기+술".
    private static readonly char[] AlcoholSeparators = ['(', ')', '[', ']', '{', '}', '+', '&', '/', ',', '·', '|', ':', '_', '-', '.', '~', '，', '（', '）'];

    public MenuKindClassifier(MenuKindTable table)
    {
        this.table = table;
        endings = table.Rules
            .Select((rule, order) => (rule, order))
            .Where(pair => pair.rule.Match == NameMatch.Ending)
            .SelectMany(pair => pair.rule.Words.Select(word => (Word: word, pair.rule, pair.order)))
            .OrderByDescending(entry => entry.Word.Length)
            .ThenBy(entry => entry.rule.OnlyIn is null ? 1 : 0)
            .ThenBy(entry => entry.order)
            .Select(entry => (entry.Word, entry.rule))
            .ToArray();
    }

    public static MenuKindClassifier Load(DataPaths paths) => new(MenuKindTable.Load(paths));

    /// <inheritdoc cref="MenuKindTable.Load(string)"/>
    public static MenuKindClassifier Load(string path) => new(MenuKindTable.Load(path));

    /// <summary>
    /// The items of one shop's menu with their kinds, in the given order. Pass the whole menu: the price rules compare
    /// each item with the shop's other meals, and a drink list is read as a list.
    /// </summary>
    public IReadOnlyList<MenuItem> Classify(IReadOnlyList<(string Name, int? Price)> items, FoodCategory shopCategory)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return [];
        }

        var verdicts = new NameVerdict[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            verdicts[i] = ReadName(items[i].Name, shopCategory);
        }
        ApplyDrinkListContext(verdicts);
        ApplyRelativePrices(verdicts, items, shopCategory);

        var menus = new MenuItem[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            menus[i] = new MenuItem(items[i].Name, items[i].Price, verdicts[i].Kind);
        }
        return menus;
    }

    /// <summary>The kind a name has on its own, without a menu around it (no price or drink-list rules).</summary>
    public MenuKind ClassifyName(string menuName, FoodCategory shopCategory) => ReadName(menuName, shopCategory).Kind;

    /// <summary>
    /// True when the menu is mostly alcohol (see <c>mostlyAlcohol</c> in the table: a share of the priced items, or of
    /// all items when none is priced, and a minimum number of alcohol items); such a shop is not for children.
    /// </summary>
    public bool IsMostlyAlcohol(IReadOnlyList<MenuItem> menus)
    {
        ArgumentNullException.ThrowIfNull(menus);
        var priced = menus.Count(menu => menu.Price is > 0);
        var pool = priced > 0 ? menus.Where(menu => menu.Price is > 0) : menus;
        var total = priced > 0 ? priced : menus.Count;
        var alcohol = pool.Count(menu => menu.Kind == MenuKind.Alcohol);
        var settings = table.MostlyAlcohol;
        return alcohol >= settings.MinimumItems && alcohol >= settings.Share * total;
    }

    private NameVerdict ReadName(string menuName, FoodCategory shopCategory)
    {
        if (string.IsNullOrWhiteSpace(menuName))
        {
            return new NameVerdict(MenuKind.Meal, Known: false, default);
        }

        var upper = menuName.Trim().ToUpperInvariant();
        if (IsAlcohol(upper))
        {
            return new NameVerdict(MenuKind.Alcohol, Known: true, default);
        }

        var hints = ReadHints(upper);
        var kind = ByName(upper, shopCategory, out var known);
        if (kind == MenuKind.Meal && hints.HeadCount >= 2 && !hints.Single)
        {
            return new NameVerdict(MenuKind.SharedSet, Known: true, hints);
        }
        if (kind == MenuKind.Drink)
        {
            var compact = Compact(upper);
            if (table.Alcohol.InAlcoholShop.Any(word => compact.Contains(word, StringComparison.Ordinal))
                && !table.Alcohol.AlcoholFree.Any(word => compact.Contains(word, StringComparison.Ordinal)))
            {
                hints = hints with { AlcoholWhereSold = true };
            }
        }
        return new NameVerdict(kind, known, hints);
    }

    // ---- Alcohol -------------------------------------------------------------------------------------------------

    private bool IsAlcohol(string upper)
    {
        var alcohol = table.Alcohol;
        foreach (var segment in upper.Split(AlcoholSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var compact = Compact(segment);
            foreach (var phrase in alcohol.NotAlcohol)
            {
                compact = compact.Replace(phrase, "·", StringComparison.Ordinal);
            }
            if (alcohol.Always.Any(word => compact.Contains(word, StringComparison.Ordinal)))
            {
                return true;
            }
            // A word followed by a food ("와인삼겹살") only flavours it; followed by a drink ("막걸리 스무디") it is still in it.
            foreach (var word in alcohol.Words)
            {
                for (var at = compact.IndexOf(word, StringComparison.Ordinal); at >= 0; at = compact.IndexOf(word, at + 1, StringComparison.Ordinal))
                {
                    if (!TailIsFood(compact[(at + word.Length)..], drinksToo: false))
                    {
                        return true;
                    }
                }
            }

            // Brands and short words only as whole words (카스, not 카스테라), a strength allowed after them (화요25).
            var tokens = segment.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < tokens.Length; i++)
            {
                if (Strength().IsMatch(tokens[i]))
                {
                    return true;
                }
                var bare = TrailingNumber().Replace(tokens[i], string.Empty);
                if (alcohol.Tokens.Contains(bare, StringComparer.Ordinal) && !TailIsFood(string.Concat(tokens.Skip(i + 1)), drinksToo: true))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// True when what follows an alcohol word is the head of a non-alcohol item: a food (와인 → 삼겹살), or with
    /// <paramref name="drinksToo"/> any other kind (복분자 → 에이드).
    /// </summary>
    private bool TailIsFood(string tail, bool drinksToo)
    {
        if (tail.Length == 0)
        {
            return false;
        }
        var (normalized, _) = Normalize(tail);
        if (normalized.Length == 0)
        {
            return false;
        }
        foreach (var (word, rule) in endings)
        {
            if (rule.OnlyIn is null && normalized.EndsWith(word, StringComparison.Ordinal))
            {
                return rule.Kind is MenuKind.Meal or MenuKind.Side or MenuKind.Dessert
                       || (drinksToo && rule.Kind is MenuKind.Drink or MenuKind.AddOn);
            }
        }
        return false;
    }

    /// <summary>
    /// Unknown names that follow alcohol up to the end of a drink list (a wine named by its château) are alcohol; so
    /// are drinks such as 모히또 in a shop that sells alcohol.
    /// </summary>
    private static void ApplyDrinkListContext(NameVerdict[] verdicts)
    {
        var sellsAlcohol = false;
        for (var start = 0; start < verdicts.Length; start++)
        {
            sellsAlcohol |= verdicts[start].Kind == MenuKind.Alcohol;
            if (verdicts[start].Known)
            {
                continue;
            }
            var end = start;
            while (end + 1 < verdicts.Length && !verdicts[end + 1].Known)
            {
                end++;
            }
            var afterAlcohol = start > 0 && verdicts[start - 1].Kind == MenuKind.Alcohol;
            var endsDrinks = end + 1 == verdicts.Length || IsNotFood(verdicts[end + 1].Kind);
            if (afterAlcohol && endsDrinks)
            {
                for (var i = start; i <= end; i++)
                {
                    verdicts[i] = verdicts[i] with { Kind = MenuKind.Alcohol, Known = true };
                }
            }
            start = end;
        }

        if (sellsAlcohol)
        {
            for (var i = 0; i < verdicts.Length; i++)
            {
                if (verdicts[i].Hints.AlcoholWhereSold)
                {
                    verdicts[i] = verdicts[i] with { Kind = MenuKind.Alcohol };
                }
            }
        }
    }

    private static bool IsNotFood(MenuKind kind) => kind is MenuKind.Alcohol or MenuKind.Drink or MenuKind.AddOn;

    // ---- Relative prices -----------------------------------------------------------------------------------------

    private void ApplyRelativePrices(NameVerdict[] verdicts, IReadOnlyList<(string Name, int? Price)> items, FoodCategory shopCategory)
    {
        var settings = table.RelativePrice;
        // The shop's one-person meal: a quantile (the median) of its meals that name no size, platter or set, so that
        // sets do not pull it up; with too few such meals to tell, what one usually costs in a shop of its kind.
        var mealPrices = new List<int>();
        for (var i = 0; i < verdicts.Length; i++)
        {
            var hints = verdicts[i].Hints;
            if (verdicts[i].Kind == MenuKind.Meal && !hints.Size && !hints.Platter && !hints.Set && items[i].Price is { } price && price > 0)
            {
                mealPrices.Add(price);
            }
        }
        mealPrices.Sort();
        var ownReference = mealPrices.Count >= settings.MinimumMeals;
        double reference = ownReference
            ? mealPrices[(int)Math.Floor(settings.ReferenceQuantile * (mealPrices.Count - 1))]
            : settings.TypicalMealPrices[shopCategory];

        var shared = table.Shared;
        for (var i = 0; i < verdicts.Length; i++)
        {
            var verdict = verdicts[i];
            if (items[i].Price is not { } price || price <= 0)
            {
                continue;
            }
            var ratio = price / reference;
            if (verdict.Kind == MenuKind.Side && verdict.Known && ownReference && ratio >= settings.SideAsDishRatio)
            {
                verdicts[i] = verdict with { Kind = MenuKind.Meal };
            }
            else if (verdict.Kind != MenuKind.Meal)
            {
                continue;
            }
            else if (!verdict.Hints.Single
                     && ((verdict.Hints.Size || verdict.Hints.Platter) && ratio >= shared.PriceRatio || verdict.Hints.Set && ratio >= shared.SetPriceRatio))
            {
                verdicts[i] = verdict with { Kind = MenuKind.SharedSet };
            }
            else if (!verdict.Hints.ForChildren && ratio <= SideRatio(verdict.Known, ownReference, items[i].Name))
            {
                verdicts[i] = verdict with { Kind = MenuKind.Side };
            }
        }
    }

    /// <summary>
    /// At most this share of the shop's one-person meal price, a meal is a side: an unknown name sooner than a meal by
    /// name, and a dish usually eaten beside the main one (볶음밥, 주먹밥 at a 닭발 place) sooner than other meals. Against
    /// a category's typical price (the shop has too few meals to tell) only an unknown name, and only when far below.
    /// </summary>
    private double SideRatio(bool known, bool ownReference, string name)
    {
        var settings = table.RelativePrice;
        if (!ownReference)
        {
            return known ? 0 : settings.TypicalUnknownNameSideRatio;
        }
        if (!known)
        {
            return settings.UnknownNameSideRatio;
        }
        var (normalized, _) = Normalize(name.Trim().ToUpperInvariant());
        return settings.SideLikeMealNames.Contains(normalized, StringComparer.Ordinal)
               || settings.SideLikeMealEndings.Any(ending => normalized.EndsWith(ending, StringComparison.Ordinal))
            ? settings.SideLikeMealRatio
            : settings.MealSideRatio;
    }

    // ---- Head-counts, sizes and platters -------------------------------------------------------------------------

    private NameHints ReadHints(string upper)
    {
        var shared = table.Shared;
        var compact = Compact(upper);
        var most = 0;
        var minimumOrder = false;
        foreach (Match match in HeadCount().Matches(upper))
        {
            var rest = upper[(match.Index + match.Length)..].TrimStart(' ', '분', ')', '）', ']');
            if (shared.MinimumOrderWords.Any(word => rest.StartsWith(word, StringComparison.Ordinal)))
            {
                minimumOrder = true;
                continue;
            }
            var count = int.Parse(match.Groups["high"].Success ? match.Groups["high"].Value : match.Groups["low"].Value, CultureInfo.InvariantCulture);
            most = Math.Max(most, count);
        }
        if (shared.GroupWords.Any(word => compact.Contains(word, StringComparison.Ordinal)))
        {
            most = Math.Max(most, 2);
        }

        var size = shared.GluedSizeMarks.Any(mark => upper.Contains(mark, StringComparison.Ordinal))
                   || HintSplit().Split(upper).Any(token => shared.SizeWords.Contains(token));
        var platter = shared.PlatterWords.Any(word => compact.Contains(word, StringComparison.Ordinal)) || JoinsTwoDishes(upper);
        // "2인 이상 주문": the price is per person, so the item is one person's meal whatever it costs.
        var single = most == 1 || (minimumOrder && most == 0) || shared.SingleWords.Any(word => compact.Contains(word, StringComparison.Ordinal));
        var set = shared.SetWords.Any(word => compact.Contains(word, StringComparison.Ordinal));
        var forChildren = table.RelativePrice.ChildWords.Any(word => compact.Contains(word, StringComparison.Ordinal));
        return new NameHints(most, single, size, platter, set, forChildren, AlcoholWhereSold: false);
    }

    /// <summary>"고등어회+광어회": a second dish after '+', not a side or a drink ("돈가스+새우튀김", "버거+콜라").</summary>
    private bool JoinsTwoDishes(string upper)
    {
        var plus = upper.IndexOf('+', StringComparison.Ordinal);
        if (plus <= 0 || plus == upper.Length - 1)
        {
            return false;
        }
        var second = upper[(plus + 1)..];
        var next = second.IndexOf('+', StringComparison.Ordinal);
        second = (next > 0 ? second[..next] : second).Trim();
        return second.Any(char.IsLetter) && ByName(second, FoodCategory.Other, out var known) == MenuKind.Meal && known;
    }

    // ---- Name rules ----------------------------------------------------------------------------------------------

    private MenuKind ByName(string upper, FoodCategory shopCategory, out bool known)
    {
        known = true;
        var compact = Compact(upper);
        var (normalized, lastWord) = Normalize(upper);
        if (normalized.Length == 0)
        {
            normalized = compact;
        }

        // 1. Notes anywhere, brackets included: "(추가)", "후식".
        foreach (var rule in Rules(NameMatch.Raw, shopCategory))
        {
            if (rule.Words.Any(word => compact.Contains(Compact(word), StringComparison.Ordinal)))
            {
                return rule.Kind;
            }
        }

        // 2. Prefixes: "+치즈"; "++1등급 한우" is a grade, not an add-on.
        if (!upper.StartsWith("++", StringComparison.Ordinal))
        {
            foreach (var rule in Rules(NameMatch.Prefix, shopCategory))
            {
                if (rule.Words.Any(word => upper.StartsWith(word, StringComparison.Ordinal)))
                {
                    return rule.Kind;
                }
            }
        }

        // 3. Whole words.
        foreach (var rule in table.Rules)
        {
            if ((rule.Match == NameMatch.Word || rule.Match == NameMatch.LastWord) && Applies(rule, shopCategory)
                && rule.Words.Contains(rule.Match == NameMatch.Word ? normalized : lastWord, StringComparer.Ordinal))
            {
                return rule.Kind;
            }
        }

        // 4. The head noun: the longest matching ending. An add-on ending ("세트 변경") wins at once.
        var byEnding = ByEnding(normalized, shopCategory);
        if (byEnding == MenuKind.AddOn)
        {
            return MenuKind.AddOn;
        }

        // 5. Combos name the main dish first: "안심돈가츠+새우튀김", "셰프의 치킨 & 감자튀김"; with 과/와 only when the first
        //    part is a known meal ("어린이전복미역국과 미니감귤쥬스", but not "사과 주스").
        var combo = upper.IndexOfAny(['+', '&']);
        if (combo > 0 && upper[..combo].Any(char.IsLetter))
        {
            return ByName(upper[..combo].Trim(), shopCategory, out known);
        }
        if (KoreanAnd().Match(upper) is { Success: true } and
            && ByName(upper[..(and.Index + 1)], shopCategory, out var firstKnown) == MenuKind.Meal && firstKnown)
        {
            return MenuKind.Meal;
        }

        // 6. Sets and courses.
        foreach (var rule in Rules(NameMatch.ContainsBeforeEnding, shopCategory))
        {
            if (rule.Words.Any(word => normalized.Contains(word, StringComparison.Ordinal)))
            {
                return rule.Kind;
            }
        }

        if (byEnding is { } kind)
        {
            return kind;
        }

        // 7. Words anywhere.
        foreach (var rule in Rules(NameMatch.Contains, shopCategory))
        {
            if (rule.Words.Any(word => normalized.Contains(word, StringComparison.Ordinal)))
            {
                return rule.Kind;
            }
        }

        known = false;
        return table.CategoryDefaults.TryGetValue(shopCategory, out var byCategory) ? byCategory : MenuKind.Meal;
    }

    private IEnumerable<NameRule> Rules(NameMatch match, FoodCategory shopCategory) =>
        table.Rules.Where(rule => rule.Match == match && Applies(rule, shopCategory));

    private MenuKind? ByEnding(string normalized, FoodCategory shopCategory)
    {
        foreach (var (word, rule) in endings)
        {
            if (normalized.EndsWith(word, StringComparison.Ordinal) && Applies(rule, shopCategory))
            {
                return rule.Kind;
            }
        }
        return null;
    }

    private static bool Applies(NameRule rule, FoodCategory shopCategory) => rule.OnlyIn is null || rule.OnlyIn == shopCategory;

    private static string Compact(string text) => Whitespace().Replace(text, string.Empty);

    /// <summary>
    /// Upper-cases, drops bracketed notes ("(ICE)", "[2인]"), trailing sizes, counts and containers ("500ML", "2인분",
    /// "L", "HOT", "컵", "한접시"), and spaces, so that the head noun is at the end.
    /// </summary>
    internal static (string Normalized, string LastWord) Normalize(string upperName)
    {
        var text = Brackets().Replace(upperName, " ");
        var words = WordSplit().Split(text).Where(w => w.Length > 0).ToList();
        while (words.Count > 1 && TrailingQualifier().IsMatch(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        var builder = new StringBuilder(text.Length);
        foreach (var word in words)
        {
            builder.Append(word);
        }

        // A size mark glued to the end: "감자탕中", "도다리조림大".
        var joined = GluedSizeMark().Replace(builder.ToString(), string.Empty);
        // A count glued to the end: "빵3종", "김밥2줄", "콜라1.25L".
        var glued = GluedCount().Match(joined);
        if (glued.Success && glued.Index > 0)
        {
            joined = joined[..glued.Index];
        }
        return (joined, words.Count > 0 ? words[^1] : string.Empty);
    }

    private readonly record struct NameVerdict(MenuKind Kind, bool Known, NameHints Hints);

    /// <param name="HeadCount">The most people the name is for (0 when it says nothing).</param>
    /// <param name="Single">The name says one person ("1인", "혼밥").</param>
    /// <param name="Size">A size word (대, 中, L …).</param>
    /// <param name="Platter">A platter word (모둠, 한판, 통갈치 …) or two dishes joined by '+'.</param>
    /// <param name="Set">A set word (세트, SET): usually for one, for several only when its price says so.</param>
    /// <param name="ForChildren">A children's meal ("어린이", "키즈"): never made a side by its low price.</param>
    /// <param name="AlcoholWhereSold">A drink that is alcohol where the shop sells alcohol (모히또).</param>
    private readonly record struct NameHints(int HeadCount, bool Single, bool Size, bool Platter, bool Set, bool ForChildren, bool AlcoholWhereSold);

    [GeneratedRegex(@"[\(\[\{（【][^\)\]\}）】]*[\)\]\}）】]?")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"[\s,·/~]+")]
    private static partial Regex WordSplit();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>"…국과 …", "…밥와 …": a Hangul word, then 과 or 와 and a space.</summary>
    [GeneratedRegex(@"[가-힣](?=[과와]\s)")]
    private static partial Regex KoreanAnd();

    [GeneratedRegex(@"[\s,·/\(\)\[\]\{\}（）\-:~|+&]+")]
    private static partial Regex HintSplit();

    /// <summary>"2인", "3~4인", "2-3인분", "(2人)", "2 PERSON"; not "18인치".</summary>
    [GeneratedRegex(@"(?<low>\d{1,2})\s*(?:[~\-]\s*(?<high>\d{1,2})\s*)?(?:인(?!치)|人|명|PERSON)")]
    private static partial Regex HeadCount();

    /// <summary>A strength: "25도", "한라산21도".</summary>
    [GeneratedRegex(@"(?<![\d.])\d{1,2}(\.\d)?도$")]
    private static partial Regex Strength();

    [GeneratedRegex(@"\d+$")]
    private static partial Regex TrailingNumber();

    [GeneratedRegex(@"^(\d+(\.\d+)?\s*(ML|L|CC|G|KG|P|PCS|EA|인분|인|개|잔|병|캔|조각|피스|종|줄|알|마리|장|구|호|세트|팩)?|ICE|HOT|아이스|핫|L|M|S|R|REGULAR|LARGE|레귤러|라지|미디움|스몰|대|중|소|소자|중자|대자|단품|컵|CUP|박스|BOX|접시|한접시|봉지)$")]
    private static partial Regex TrailingQualifier();

    [GeneratedRegex(@"\d+(\.\d+)?(ML|L|CC|G|KG|P|PCS|EA|인분|인|개|잔|병|캔|조각|피스|종|줄|알|마리|장|팩)?$")]
    private static partial Regex GluedCount();

    [GeneratedRegex(@"(?<=.)[大中小特]+$")]
    private static partial Regex GluedSizeMark();
}
