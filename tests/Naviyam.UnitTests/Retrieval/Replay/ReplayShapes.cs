using System.Text.Json;
using Naviyam.Chat;
using Naviyam.Coupons;
using Naviyam.Nlu;
using Naviyam.Preprocessing;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Time;

namespace Naviyam.UnitTests.Retrieval.Replay;

/// <summary>
/// The query shapes retrieval is replayed with: every turn of an evaluation query file (<c>eval/queries</c>) through the
/// served normalizer and NLU, its slots carried over the dialog as a session carries them, then asked as children with
/// and without a card, a location, a dietary restriction, a coupon, at several moments of the week; and seeded random
/// shapes around the catalog's own shops (named areas included). Deterministic: the same catalog gives the same list.
/// </summary>
internal static class ReplayShapes
{
    private static readonly string[] Restrictions = ["no_pork", "vegetarian", "allergy:땅콩", "no_seafood"];
    private static readonly string[] Foods = ["치킨", "분식", "김밥", "피자", "국밥", "짜장면", "떡볶이", "돈까스", "라면", "카페"];

    /// <summary>Wednesday noon, Friday night and Sunday morning in Seoul.</summary>
    private static readonly DateTimeOffset[] Moments =
    [
        SeoulClock.FromSeoulLocal(new DateTime(2026, 11, 25, 12, 0, 0)),
        SeoulClock.FromSeoulLocal(new DateTime(2026, 11, 27, 21, 40, 0)),
        SeoulClock.FromSeoulLocal(new DateTime(2026, 11, 29, 7, 5, 0)),
    ];

    public static IReadOnlyList<(string Name, CandidateQuery Query)> FromQueryFile(
        string path, IReadOnlyList<ShopRecord> shops, ServedPlaces places, TextNormalizer normalizer, INluEngine nlu,
        DietaryRules diet, DishPreferences preferences)
    {
        var located = shops.Where(shop => shop.Location is { IsValid: true }).ToArray();
        var shapes = new List<(string, CandidateQuery)>();
        var n = 0;
        foreach (var line in File.ReadLines(path).Where(line => line.Trim().Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var id = root.GetProperty("id").GetString()!;
            var age = root.TryGetProperty("user", out var user) && user.TryGetProperty("age", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetInt32() : (int?)null;
            GeoPoint? location = root.TryGetProperty("location", out var at) && at.ValueKind == JsonValueKind.Object
                ? new GeoPoint(at.GetProperty("lat").GetDouble(), at.GetProperty("lng").GetDouble())
                : null;
            var slots = new Entities();
            var turn = 0;
            foreach (var text in root.GetProperty("turns").EnumerateArray().Select(t => t.GetString()!))
            {
                var normalized = normalizer.Normalize(text);
                var said = nlu.Analyze(normalized).Entities;
                // A session keeps what earlier turns said unless this one says otherwise.
                slots = new Entities
                {
                    FoodType = said.FoodType ?? slots.FoodType,
                    Budget = said.Budget ?? slots.Budget,
                    LocationPreference = said.LocationPreference ?? slots.LocationPreference,
                    TastePreference = said.TastePreference ?? slots.TastePreference,
                    DietaryRestrictions = [.. (slots.DietaryRestrictions ?? []).Union(said.DietaryRestrictions ?? [])],
                    Exclusions = [.. (slots.Exclusions ?? []).Union(said.Exclusions ?? [])],
                };
                var variant = n++;
                var here = location ?? (variant % 5 == 4 ? null : located[(int)((uint)id.GetHashCode(StringComparison.Ordinal) % (uint)located.Length)].Location);
                IReadOnlyList<string> restrictions = [.. (slots.DietaryRestrictions ?? []).Concat(variant % 3 == 1 ? [Restrictions[variant / 3 % Restrictions.Length]] : [])];
                var exclusions = (slots.Exclusions ?? [])
                    .Union(slots.TastePreference == "안 매운" ? ["매운"] : [])
                    .Union(restrictions.Count > 0 ? diet.ForbiddenWords(restrictions) : [])
                    .ToArray();
                // A card caps what is said (or is the budget itself) on every other shape.
                int? card = variant % 2 == 0 ? 3_000 + 1_000 * (variant / 2 % 8) : null;
                var budget = slots.Budget is { } stated ? (card is { } c && c < stated ? c : stated) : card;
                var preference = slots.FoodType is null ? preferences.From(normalized.Compact, slots.TastePreference) : null;
                var resolved = slots.LocationPreference is { } phrase ? places.Resolve(phrase, here) : null;
                foreach (var (moment, m) in Moments.Select((moment, m) => (moment, m)))
                {
                    var query = new CandidateQuery(here, budget, slots.FoodType, exclusions, age is not >= 19, moment, preference)
                    {
                        Area = resolved?.Area,
                        PlaceNotFound = resolved is { IsFound: false, Candidates.Count: 0 },
                        Wallet = variant % 4 == 3 ? [Coupon(moment)] : [],
                        CouponsAt = moment,
                    };
                    shapes.Add(($"{id} turn {turn} moment {m}", query));
                }
                turn++;
            }
        }
        return shapes;
    }

    /// <summary>Seeded random shapes near the catalog's shops, some inside a named area, some without a location.</summary>
    public static IReadOnlyList<(string Name, CandidateQuery Query)> Random(int seed, int count, IReadOnlyList<ShopRecord> shops, ServedPlaces places)
    {
        var random = new Random(seed);
        var shapes = new List<(string, CandidateQuery)>();
        for (var q = 0; q < count; q++)
        {
            var anchor = shops[random.Next(shops.Count)];
            var location = anchor.Location is { } at && random.NextDouble() < 0.85
                ? new GeoPoint(at.Latitude + (random.NextDouble() - 0.5) * 0.04, at.Longitude + (random.NextDouble() - 0.5) * 0.04)
                : (GeoPoint?)null;
            int? budget = random.Next(10) switch
            {
                0 => null,
                1 => 0,
                _ => 1_000 + 500 * random.Next(30),
            };
            var when = SeoulClock.FromSeoulLocal(new DateTime(2026, 11, 23).AddMinutes(random.Next(7 * 24 * 60)));
            IReadOnlyList<string> exclusions = random.Next(6) switch
            {
                0 => ["매운"],
                1 => ["김밥", "치킨"],
                _ => [],
            };
            var query = new CandidateQuery(location, budget, random.NextDouble() < 0.5 ? Foods[random.Next(Foods.Length)] : null, exclusions,
                IsMinor: random.NextDouble() < 0.9, when)
            {
                Wallet = random.Next(5) == 0 ? [Coupon(when)] : [],
                CouponsAt = when,
            };
            if (random.NextDouble() < 0.2 && places.AreaNameOf(anchor) is { } name && places.Resolve(name, location).Area is { } area)
            {
                query = query with { Area = area };
            }
            shapes.Add(($"random {seed}/{q}", query));
        }
        return shapes;
    }

    private static WalletCoupon Coupon(DateTimeOffset at) =>
        new(1, new Coupon { Id = "R1", Name = "1,000원 할인", DiscountAmount = 1_000 }, at.AddDays(-1), null, WalletCoupon.Active, "replay");
}
