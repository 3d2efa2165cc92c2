using Naviyam.Catalog.Import.DataGeneration;
using Naviyam.Nlu.Model;
using Naviyam.Ranking;
using Naviyam.Retrieval;
using Naviyam.Shops;
using Naviyam.Time;

namespace Naviyam.Training.Ranking;

/// <summary>Which part of the data a session belongs to, decided by a hash of its id (never by its content).</summary>
public enum SessionSplit
{
    Train = 0,
    Validation = 1,
    Test = 2,
}

/// <summary>
/// A held-out session: every candidate retrieval gave, and the one the child picks when shown them all.
/// <see cref="Utilities"/> are the child's utilities before the choice noise: no model sees them; they rank the
/// "oracle" reference row, the best any ranker could do on average.
/// </summary>
public sealed record EvaluationSession(string SessionId, RankingSituation Situation, IReadOnlyList<Candidate> Candidates, int Chosen, float[] Utilities);

/// <summary>
/// One planned session of a simulated child: where and when they ask, with what budget, hurry or wish, and the
/// candidates retrieval's hard rules allow there (nearest first) with the child's utility for each. <see cref="Random"/>
/// is the session's own seeded stream, to draw the child's choice from (the same session always chooses alike).
/// </summary>
public sealed record SimulatedSession(
    SimulatedChild Child,
    string SessionId,
    SessionSplit Split,
    RankingSituation Situation,
    GeoPoint Place,
    FoodCategory? Wish,
    IReadOnlyList<Candidate> Candidates,
    float[] Utilities,
    Random Random)
{
    /// <summary>As a held-out session: every candidate and the pick the child makes seeing them all (draws from <see cref="Random"/>).</summary>
    public EvaluationSession SeeingAll() => new(SessionId, Situation, Candidates, ChildBehaviour.ChooseSeeingAll(Utilities, Random), Utilities);
}

/// <summary>The simulated children over the generated city, and each shop's hidden quality.</summary>
public sealed record SimulatedPopulation(IReadOnlyList<ShopRecord> City, IReadOnlyDictionary<string, float> Quality, IReadOnlyList<SimulatedChild> Children)
{
    /// <summary>The child's utility for a shop in a situation (before the choice noise), from the candidate's facts.</summary>
    public float Utility(SimulatedChild child, RankingSituation situation, in CandidateFacts facts) =>
        ChildBehaviour.Utility(child, situation, facts, Quality.GetValueOrDefault(facts.ShopId));
}

/// <summary>What one simulation run produced, and how much of it.</summary>
public sealed record SimulationResult(
    IReadOnlyList<RankingExample> Train,
    IReadOnlyList<RankingExample> Validation,
    IReadOnlyList<EvaluationSession> Test,
    SimulationStatistics Statistics);

public sealed record SimulationStatistics(
    int Sessions,
    int SessionsWithoutCandidates,
    int TrainSessions,
    int ValidationSessions,
    int TestSessions,
    int ExploredSessions,
    double PickRate,
    double MeanCandidates);

/// <summary>
/// Children choosing among the generated city's shops (<c>docs/ranking.md</c>, "The simulation"). Each child of a
/// population (<see cref="SimulatedChild"/>) has sessions at meal times of one week, from home or school, with or
/// without a budget, a hurry or a wished-for kind of food. A session's candidates are what retrieval's hard rules
/// allow there and then (meal card, safe for a minor, not known to be closed, a real meal within the budget), nearest
/// first. Training and validation sessions are logged as the product would log them: a list of
/// <see cref="SimulationOptions.ShownPerSession"/> shops ordered by today's heuristic (or, in the exploration share,
/// a random draw), the child examining positions with a decaying probability and picking by <see cref="ChildBehaviour"/>
/// or leaving. Test sessions keep every candidate and the pick made seeing them all.
/// Deterministic: the same options give the same result (one seeded <see cref="Random"/> per session).
/// </summary>
public static class BehaviourSimulation
{
    private const double NearRadiusMeters = 1_000;
    private const double WideRadiusMeters = 3_000;
    private const int EnoughNearby = 10;
    private static readonly DateTime Monday = new(2026, 11, 23);
    private static readonly int[] UsualBudgets = [5_000, 6_000, 7_000, 8_000, 9_000, 10_000];

    // Meal periods (breakfast, lunch, afternoon, dinner, late): how often children ask, and the local minutes asked in.
    private static readonly double[] PeriodWeights = [0.06, 0.32, 0.2, 0.32, 0.1];
    private static readonly (int From, int To)[] PeriodMinutes = [(390, 600), (660, 840), (840, 1020), (1020, 1260), (1260, 1410)];

    /// <summary>The children of <paramref name="options"/> (ids <see cref="SimulationOptions.UserPrefix"/> 1…n) over its generated city.</summary>
    public static SimulatedPopulation Population(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var city = CityDataGenerator.Generate(new CityGenerationOptions { ShopCount = options.Shops, UserCount = 0, Seed = options.CitySeed }).Shops;
        var random = new Random(options.Seed);
        var quality = city.ToDictionary(s => s.Id, s => (float)(ChildBehaviour.QualityPerPopularity * (s.Popularity - 1.0 / 3) + ChildBehaviour.QualityNoise * Normal(random)), StringComparer.Ordinal);
        return new SimulatedPopulation(city, quality, MakeChildren(options, random, city));
    }

    /// <summary>
    /// Every planned session of the population, child by child (<see cref="SimulationOptions.SessionsPerUser"/> each),
    /// including those with fewer than two candidates (which <see cref="Run"/> skips). A caller may play them through
    /// the real product instead of the simulated list.
    /// </summary>
    public static IEnumerable<SimulatedSession> Sessions(SimulatedPopulation population, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(options);
        var grid = new ShopGrid(population.City);
        foreach (var child in population.Children)
        {
            for (var s = 0; s < options.SessionsPerUser; s++)
            {
                var sessionId = $"{child.UserId}/s{s}";
                var sessionRandom = new Random((int)NgramFeaturizer.Hash($"{options.Seed}:{sessionId}"));
                var (situation, place, wish, candidates) = Session(child, sessionRandom, grid, options);
                var utilities = new float[candidates.Count];
                for (var i = 0; i < candidates.Count; i++)
                {
                    utilities[i] = ChildBehaviour.Utility(child, situation, candidates[i], population.Quality[candidates[i].Shop.Id]);
                }
                yield return new SimulatedSession(child, sessionId, SplitOf(sessionId, options), situation, place, wish, candidates, utilities, sessionRandom);
            }
        }
    }

    public static SimulationResult Run(SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var population = Population(options);

        var train = new List<RankingExample>();
        var validation = new List<RankingExample>();
        var test = new List<EvaluationSession>();
        int sessions = 0, empty = 0, trainSessions = 0, validationSessions = 0, explored = 0, picks = 0;
        long candidateTotal = 0;
        foreach (var session in Sessions(population, options))
        {
            var (sessionId, situation, candidates, utilities, sessionRandom) = (session.SessionId, session.Situation, session.Candidates, session.Utilities, session.Random);
            sessions++;
            if (candidates.Count < 2)
            {
                empty++;
                continue;
            }
            candidateTotal += candidates.Count;

            var split = session.Split;
            if (split == SessionSplit.Test)
            {
                test.Add(session.SeeingAll());
                continue;
            }
            var explore = sessionRandom.NextDouble() < options.ExplorationShare;
            explored += explore ? 1 : 0;
            var shown = explore
                ? RandomList(candidates.Count, options.ShownPerSession, sessionRandom)
                : HeuristicBaseline.Order(candidates, situation.BudgetCap).Take(options.ShownPerSession).ToArray();
            var picked = ChildBehaviour.ChooseFromList(shown.Select(i => utilities[i]).ToArray(), sessionRandom);
            picks += picked is null ? 0 : 1;
            var target = split == SessionSplit.Train ? train : validation;
            for (var p = 0; p < shown.Length; p++)
            {
                var candidate = candidates[shown[p]];
                target.Add(new RankingExample(sessionId, situation, CandidateFacts.Of(candidate, situation.LocalTime), p + 1, picked == p, ExampleSource.Simulated));
            }
            if (split == SessionSplit.Train)
            {
                trainSessions++;
            }
            else
            {
                validationSessions++;
            }
        }
        var logged = trainSessions + validationSessions;
        var withCandidates = sessions - empty;
        return new SimulationResult(train, validation, test, new SimulationStatistics(
            sessions, empty, trainSessions, validationSessions, test.Count, explored,
            logged == 0 ? 0 : (double)picks / logged,
            withCandidates == 0 ? 0 : (double)candidateTotal / withCandidates));
    }

    /// <summary>The split of a session: a hash of its id against the shares, so adding sessions never moves another one.</summary>
    public static SessionSplit SplitOf(string sessionId, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var unit = NgramFeaturizer.Hash("split:" + sessionId) / (double)uint.MaxValue;
        return unit < options.TestShare ? SessionSplit.Test
            : unit < options.TestShare + options.ValidationShare ? SessionSplit.Validation
            : SessionSplit.Train;
    }

    private static (RankingSituation Situation, GeoPoint Place, FoodCategory? Wish, List<Candidate> Candidates) Session(SimulatedChild child, Random random, ShopGrid grid, SimulationOptions options)
    {
        var period = Pick(random, PeriodWeights);
        var (from, to) = PeriodMinutes[period];
        var minute = random.Next(from, to);
        var local = SeoulClock.FromSeoulLocal(Monday.AddDays(random.Next(7)).AddMinutes(minute));
        var place = Jitter(random.NextDouble() < 0.6 ? child.Home : child.School, 200, random);
        int? budget = random.NextDouble() < 0.75
            ? (int)Math.Round(child.UsualBudget * (0.8 + 0.45 * random.NextDouble()) / 500) * 500
            : null;
        var urgent = random.NextDouble() < 0.2;
        FoodCategory? wish = null;
        if (random.NextDouble() < 0.25)
        {
            // What a child wishes for follows their taste and the hour.
            var weights = new double[ChildBehaviour.Categories];
            for (var c = 1; c < weights.Length; c++)
            {
                weights[c] = Math.Exp(child.Taste[c] + ChildBehaviour.MealTimeLiking(c, period));
            }
            wish = (FoodCategory)Pick(random, weights);
        }
        var situation = new RankingSituation(child.UserId, local, budget, urgent, wish is not null);

        var day = local.DayOfWeek;
        var nearby = grid.Near(place, NearRadiusMeters);
        if (nearby.Count < EnoughNearby)
        {
            nearby = grid.Near(place, WideRadiusMeters);
        }
        nearby.Sort((a, b) => a.Meters != b.Meters ? a.Meters.CompareTo(b.Meters) : string.CompareOrdinal(a.Shop.Id, b.Shop.Id));
        var candidates = new List<Candidate>();
        foreach (var (shop, meal, meters) in nearby)
        {
            var open = shop.Hours?.IsOpenAt(day, minute);
            if (open == false || budget is { } cap && meal.Price > cap)
            {
                continue;
            }
            // A wished-for kind of dish is served by shops of that kind and, now and then, by a menu elsewhere (국물 at a 분식집).
            var matched = wish is { } wished && (shop.Category == wished || random.NextDouble() < 0.1);
            candidates.Add(new Candidate(shop, meal, open, meters, matched));
            if (candidates.Count == options.MaxCandidates)
            {
                break;
            }
        }
        return (situation, place, wish, candidates);
    }

    private static int[] RandomList(int count, int take, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order.Take(take).ToArray();
    }

    private static List<SimulatedChild> MakeChildren(SimulationOptions options, Random random, IReadOnlyList<ShopRecord> city)
    {
        var located = city.Where(s => s.Location is not null).ToArray();
        var children = new List<SimulatedChild>(options.Users);
        for (var i = 0; i < options.Users; i++)
        {
            // Children live where shops are: a city's density follows its shops.
            var home = Jitter(located[random.Next(located.Length)].Location!.Value, 300, random);
            var taste = new float[ChildBehaviour.Categories];
            for (var c = 1; c < taste.Length; c++)
            {
                taste[c] = (float)(0.7 * Normal(random));
            }
            for (var favourite = 0; favourite < 2; favourite++)
            {
                taste[1 + random.Next(taste.Length - 1)] += 1f;
            }
            children.Add(new SimulatedChild
            {
                UserId = $"{options.UserPrefix}{i + 1}",
                Home = home,
                School = Jitter(home, 1_000, random),
                Taste = taste,
                SpendPreference = (float)Normal(random),
                DistanceDecayPerKm = (float)Math.Exp(Math.Log(1.5) + 0.4 * Normal(random)),
                UsualBudget = UsualBudgets[random.Next(UsualBudgets.Length)],
            });
        }
        return children;
    }

    private static GeoPoint Jitter(GeoPoint point, double meters, Random random)
    {
        const double MetersPerDegreeLatitude = 111_000;
        var metersPerDegreeLongitude = MetersPerDegreeLatitude * Math.Cos(point.Latitude * Math.PI / 180);
        return new GeoPoint(
            point.Latitude + (random.NextDouble() * 2 - 1) * meters / MetersPerDegreeLatitude,
            point.Longitude + (random.NextDouble() * 2 - 1) * meters / metersPerDegreeLongitude);
    }

    private static int Pick(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return Array.FindLastIndex(weights, w => w > 0);
    }

    /// <summary>A standard normal draw (Box–Muller), from <see cref="Random.NextDouble"/> only.</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>
    /// The shops a child may be offered anywhere (a meal card, safe for a minor, a real priced meal, a location),
    /// bucketed by about a kilometre for the radius searches.
    /// </summary>
    private sealed class ShopGrid
    {
        private const double CellDegrees = 0.01;
        private readonly Dictionary<(int, int), List<(ShopRecord Shop, MenuItem Meal)>> cells = [];

        public ShopGrid(IEnumerable<ShopRecord> shops)
        {
            foreach (var shop in shops)
            {
                if (shop.Location is not { } at || shop.NotForChildren
                    || shop.MealCard is not (MealCardAcceptance.Yes or MealCardAcceptance.Partial) || shop.CheapestMeal() is not { } meal)
                {
                    continue;
                }
                var key = Cell(at);
                if (!cells.TryGetValue(key, out var list))
                {
                    cells[key] = list = [];
                }
                list.Add((shop, meal));
            }
        }

        public List<(ShopRecord Shop, MenuItem Meal, double Meters)> Near(GeoPoint point, double radiusMeters)
        {
            var found = new List<(ShopRecord, MenuItem, double)>();
            var (row, column) = Cell(point);
            var reach = (int)Math.Ceiling(radiusMeters / 880) + 1;
            for (var r = row - reach; r <= row + reach; r++)
            {
                for (var c = column - reach; c <= column + reach; c++)
                {
                    if (!cells.TryGetValue((r, c), out var list))
                    {
                        continue;
                    }
                    foreach (var (shop, meal) in list)
                    {
                        var meters = point.DistanceMetersTo(shop.Location!.Value);
                        if (meters <= radiusMeters)
                        {
                            found.Add((shop, meal, meters));
                        }
                    }
                }
            }
            return found;
        }

        private static (int, int) Cell(GeoPoint point) =>
            ((int)Math.Floor(point.Latitude / CellDegrees), (int)Math.Floor(point.Longitude / CellDegrees));
    }
}
