using System.Globalization;
using Naviyam.Cards;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import.DataGeneration;

/// <summary>
/// Generates a synthetic Seoul-like city for demos, load tests and ranking experiments. Deterministic: the
/// same options give the same city on every machine (only <see cref="Random"/> with a fixed seed; no time,
/// Guid or <see cref="HashCode"/>). Shops are scattered around the 25 district centres, named from brand
/// words, category words and neighbourhood names, and get category-typical menus, prices and hours:
/// <list type="bullet">
/// <item>Every shop has at least one priced meal; cafes get a meal-like item (샌드위치, 베이글).</item>
/// <item>Hours per weekday; some have a 15:00–16:30 break, some a weekly closed day, a few run overnight
///   (17:00–03:00); convenience stores are mostly 24 h; about 2 % have unknown hours.</item>
/// <item>Meal card Y 85 %, P 7 %, N 4 %, U 4 %; about 1 % bar-like shops are not for children (never a
///   convenience store); popularity 0..1 skewed low.</item>
/// </list>
/// Shop ids are "generated:{n}" with n = 1..ShopCount; users are "demo-1".."demo-N" with fake card numbers
/// "9999-xxxx-xxxx" and balances 0..30,000 won in steps of 500.
/// </summary>
public static class CityDataGenerator
{
    public const string Source = "generated";
    public const double NotForChildrenShare = 0.01;

    private const double LatitudeSpread = 0.011;   // about 1.2 km (one standard deviation)
    private const double LongitudeSpread = 0.014;  // about 1.2 km at Seoul's latitude
    private static readonly string[] AgeGroups = ["어린이", "청소년", "청년"];

    public static GeneratedCity Generate(CityGenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ShopCount, 1, nameof(options.ShopCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ShopCount, CityGenerationOptions.MaxShopCount, nameof(options.ShopCount));
        ArgumentOutOfRangeException.ThrowIfNegative(options.UserCount, nameof(options.UserCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.UserCount, CityGenerationOptions.MaxUserCount, nameof(options.UserCount));

        var shops = GenerateShops(options.ShopCount, options.Seed);
        var users = GenerateUsers(options.UserCount, options.Seed);
        var coupons = GeneratedCoupons.Catalog(shops);
        return new GeneratedCity(shops, users)
        {
            Coupons = coupons,
            Wallets = GeneratedCoupons.Wallets(users, coupons, options.Seed),
        };
    }

    private static ShopRecord[] GenerateShops(int count, int seed)
    {
        var random = new Random(seed);
        var state = new GeneratorState();
        var shops = new ShopRecord[count];

        var districtWeights = Cumulative(SeoulFacts.Districts.Select(d => d.Weight));
        var categoryWeights = Cumulative(GenerationTables.Profiles.Select(p => p.Share));

        for (var i = 0; i < count; i++)
        {
            var number = i + 1;
            var district = SeoulFacts.Districts[Pick(random, districtWeights)];
            var profile = GenerationTables.Profiles[Pick(random, categoryWeights)];
            var isBar = profile.Category != FoodCategory.ConvenienceStore && random.NextDouble() < NotForChildrenShare;
            if (isBar)
            {
                profile = GenerationTables.Bar;
            }

            var place = district.Places[random.Next(district.Places.Length)];
            var name = MakeName(random, profile, place, isBar);
            var sourceId = number.ToString(CultureInfo.InvariantCulture);

            shops[i] = new ShopRecord
            {
                Id = ShopRecord.MakeId(Source, sourceId),
                Source = Source,
                SourceId = sourceId,
                Name = name,
                Category = profile.Category,
                SourceCategory = profile.Category.ToKorean(),
                Address = $"서울특별시 {district.Name} {district.Roads[random.Next(district.Roads.Length)]} {random.Next(1, 400)}",
                Phone = $"02-0000-{random.Next(0, 10_000):D4}",
                Location = Scatter(random, district),
                MealCard = PickMealCard(random),
                NotForChildren = isBar,
                Hours = MakeHours(random, profile, state),
                Menus = MakeMenus(random, profile, state),
                Popularity = Math.Round(Math.Pow(random.NextDouble(), 2), 3),
                Synthetic = true,
                IsGoodInfluenceShop = !isBar && random.NextDouble() < 0.06,
                OwnerMessage = random.NextDouble() < 0.15
                    ? GenerationTables.OwnerMessages[random.Next(GenerationTables.OwnerMessages.Length)]
                    : null,
                DeliveryAvailable = random.NextDouble() < profile.DeliveryChance,
            };
        }
        return shops;
    }

    private static FoodCardAccount[] GenerateUsers(int count, int seed)
    {
        // A separate stream, so the users do not change when the shop count does.
        var random = new Random(seed ^ 0x5EED5EED);
        var users = new FoodCardAccount[count];
        for (var i = 0; i < count; i++)
        {
            var number = i + 1;
            var roll = random.NextDouble();
            users[i] = new FoodCardAccount
            {
                UserId = $"demo-{number}",
                CardNumber = $"9999-{number / 10_000 % 10_000:D4}-{number % 10_000:D4}",
                Balance = random.Next(0, 61) * 500,
                Status = "ACTIVE",
                TargetAgeGroup = roll < 0.45 ? AgeGroups[0] : roll < 0.9 ? AgeGroups[1] : AgeGroups[2],
                Synthetic = true,
            };
        }
        return users;
    }

    private static string MakeName(Random random, CategoryProfile profile, string place, bool isBar)
    {
        var word = profile.NameWords[random.Next(profile.NameWords.Length)];
        var brand = GenerationTables.BrandWords[random.Next(GenerationTables.BrandWords.Length)];

        if (profile.Category == FoodCategory.ConvenienceStore)
        {
            return $"{word} {place}점";
        }
        if (isBar)
        {
            return random.Next(3) switch
            {
                0 => $"{brand}{word} {place}점",
                1 => $"{place}{word}",
                _ => $"{word} {brand}",
            };
        }
        return random.Next(10) switch
        {
            < 5 => $"{brand}{word} {place}점",
            < 8 => $"{place}{word}",
            _ => $"{brand}{word}",
        };
    }

    private static GeoPoint Scatter(Random random, SeoulFacts.District district)
    {
        var latitude = district.Latitude + Gaussian(random) * LatitudeSpread;
        var longitude = district.Longitude + Gaussian(random) * LongitudeSpread;
        latitude = Math.Clamp(latitude, SeoulFacts.MinLatitude, SeoulFacts.MaxLatitude);
        longitude = Math.Clamp(longitude, SeoulFacts.MinLongitude, SeoulFacts.MaxLongitude);
        return new GeoPoint(Math.Round(latitude, 6), Math.Round(longitude, 6));
    }

    private static MealCardAcceptance PickMealCard(Random random)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.85 => MealCardAcceptance.Yes,
            < 0.92 => MealCardAcceptance.Partial,
            < 0.96 => MealCardAcceptance.No,
            _ => MealCardAcceptance.Unknown,
        };
    }

    private static MenuItem[] MakeMenus(Random random, CategoryProfile profile, GeneratorState state)
    {
        var templates = profile.Menus;
        var count = Math.Min(random.Next(3, 13), templates.Length);
        var order = state.Order(templates.Length);

        // The first item is always a meal, so every shop has a priced meal (cafes: 샌드위치, 베이글).
        var meals = state.MealIndexes(profile);
        var firstMeal = meals[random.Next(meals.Length)];
        (order[0], order[firstMeal]) = (order[firstMeal], order[0]);

        // A partial Fisher–Yates shuffle of the rest.
        for (var i = 1; i < count; i++)
        {
            var j = random.Next(i, templates.Length);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var menus = new MenuItem[count];
        for (var i = 0; i < count; i++)
        {
            var template = templates[order[i]];
            var steps = (template.MaxPrice - template.MinPrice) / template.Step;
            var price = template.MinPrice + random.Next(0, steps + 1) * template.Step;
            menus[i] = new MenuItem(template.Name, price, template.Kind);
        }
        return menus;
    }

    private static WeeklyHours? MakeHours(Random random, CategoryProfile profile, GeneratorState state)
    {
        if (random.NextDouble() < 0.02)
        {
            return null;
        }

        var days = new DayHours?[7];
        if (profile.Category == FoodCategory.ConvenienceStore)
        {
            var day = random.NextDouble() < 0.85 ? DayHours.AllDay : state.Day(7 * 60, 24 * 60, null, null);
            Array.Fill(days, day);
            return new WeeklyHours(days);
        }

        DayHours weekday;
        if (random.NextDouble() < profile.OvernightChance)
        {
            weekday = state.Day(17 * 60, 3 * 60, null, null); // 17:00–03:00
        }
        else
        {
            var open = profile.OpenTimes[random.Next(profile.OpenTimes.Length)];
            var close = profile.CloseTimes[random.Next(profile.CloseTimes.Length)];
            var hasBreak = random.NextDouble() < profile.BreakChance;
            weekday = state.Day(open, close, hasBreak ? 15 * 60 : null, hasBreak ? 16 * 60 + 30 : null);
        }

        // Weekends: the same, or Sunday an hour shorter at both ends.
        var sunday = random.NextDouble() < 0.3 ? state.Shorter(weekday) : weekday;
        for (var i = 1; i <= 6; i++)
        {
            days[i] = weekday;
        }
        days[(int)DayOfWeek.Sunday] = sunday;

        if (random.NextDouble() < profile.ClosedDayChance)
        {
            var roll = random.NextDouble();
            var closed = roll < 0.4 ? DayOfWeek.Sunday : roll < 0.7 ? DayOfWeek.Monday : (DayOfWeek)random.Next(0, 7);
            days[(int)closed] = DayHours.ClosedDay;
        }
        return new WeeklyHours(days);
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = weights.ToArray();
        var total = list.Sum();
        var cumulative = new double[list.Length];
        var sum = 0.0;
        for (var i = 0; i < list.Length; i++)
        {
            sum += list[i] / total;
            cumulative[i] = sum;
        }
        cumulative[^1] = 1.0;
        return cumulative;
    }

    private static int Pick(Random random, double[] cumulative)
    {
        var roll = random.NextDouble();
        var index = Array.BinarySearch(cumulative, roll);
        index = index >= 0 ? index + 1 : ~index;
        return Math.Min(index, cumulative.Length - 1);
    }

    /// <summary>A standard normal sample (Box–Muller), clamped to ±3.</summary>
    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Clamp(z, -3, 3);
    }

    /// <summary>Caches shared immutable pieces (day hours, meal indexes) and a scratch array, per generation run.</summary>
    private sealed class GeneratorState
    {
        private readonly Dictionary<(int Open, int Close, int BreakStart, int BreakEnd), DayHours> _days = [];
        private readonly Dictionary<FoodCategory, int[]> _mealIndexes = [];
        private readonly Dictionary<DayHours, DayHours> _shorter = new(ReferenceEqualityComparer.Instance);
        private int[] _order = new int[32];

        public DayHours Day(int open, int close, int? breakStart, int? breakEnd)
        {
            var key = (open, close, breakStart ?? -1, breakEnd ?? -1);
            if (!_days.TryGetValue(key, out var day))
            {
                day = DayHours.FromRange(open, close, breakStart, breakEnd);
                _days[key] = day;
            }
            return day;
        }

        public DayHours Shorter(DayHours day)
        {
            if (!_shorter.TryGetValue(day, out var shorter))
            {
                var first = day.Intervals[0];
                var last = day.Intervals[^1];
                int? breakStart = day.Intervals.Count > 1 ? day.Intervals[0].CloseMinute : null;
                int? breakEnd = day.Intervals.Count > 1 ? day.Intervals[1].OpenMinute : null;
                shorter = Day(first.OpenMinute + 60, last.CloseMinute - 60, breakStart, breakEnd);
                _shorter[day] = shorter;
            }
            return shorter;
        }

        public int[] MealIndexes(CategoryProfile profile)
        {
            if (!_mealIndexes.TryGetValue(profile.Category, out var indexes))
            {
                indexes = profile.Menus.Select((menu, index) => (menu, index))
                    .Where(pair => pair.menu.Kind == MenuKind.Meal)
                    .Select(pair => pair.index)
                    .ToArray();
                _mealIndexes[profile.Category] = indexes;
            }
            return indexes;
        }

        public int[] Order(int length)
        {
            if (_order.Length < length)
            {
                _order = new int[length];
            }
            for (var i = 0; i < length; i++)
            {
                _order[i] = i;
            }
            return _order;
        }
    }
}
