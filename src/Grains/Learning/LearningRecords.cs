namespace Naviyam.Learning;

/// <summary>One <c>user_interactions</c> row: what a user did, linked to the turn that showed the pick when there was one.</summary>
public sealed record InteractionRecord(
    string UserId,
    string? SessionId,
    string? TurnId,
    DateTimeOffset At,
    string Type,
    string? ShopId,
    int? Position)
{
    /// <summary>The feedback kind as the client sent it (<see cref="FeedbackKinds"/>), for feedback rows.</summary>
    public string? Kind { get; init; }

    /// <summary>What the card paid, for orders.</summary>
    public int? Amount { get; init; }

    public string? MenuName { get; init; }

    /// <summary>The order was for a shop a turn had recommended to the user.</summary>
    public bool Recommended { get; init; }
}

/// <summary>Click and order rates of one ranking arm over the turns that showed picks.</summary>
public sealed record ArmSummary(string Method, long Turns, long Users, long ClickedTurns, long OrderedTurns)
{
    public double ClickRate => Turns == 0 ? 0 : (double)ClickedTurns / Turns;

    public double OrderRate => Turns == 0 ? 0 : (double)OrderedTurns / Turns;
}

/// <summary>
/// A user's place in the journey, counted from turns and interactions, as <c>user_journey_analytics</c> stores it.
/// Phases: onboarding (turns 1–3), profile building (4–10), advanced (11 and more).
/// </summary>
public sealed record JourneyState(string UserId, string? FirstSessionId, DateTimeOffset Start, DateTimeOffset LastAt)
{
    public int Turns { get; init; }
    public int RecommendationTurns { get; init; }
    public int Opened { get; init; }
    public int Selections { get; init; }
    public int Rejections { get; init; }
    public int FollowUps { get; init; }
    public int Orders { get; init; }
    public int RecommendedOrders { get; init; }

    public const int OnboardingTurns = 3;
    public const int ProfileBuildingTurns = 10;

    public string Phase => Turns <= OnboardingTurns ? "onboarding" : Turns <= ProfileBuildingTurns ? "profile_building" : "advanced";

    /// <summary>The spec's funnel: awareness → interest → consideration → conversion → retention.</summary>
    public string FunnelStage =>
        Orders > 0 ? (Turns > ProfileBuildingTurns ? "retention" : "conversion")
        : Selections > 0 ? "consideration"
        : Turns > OnboardingTurns ? "interest"
        : "awareness";

    public int Successes => Selections + RecommendedOrders;

    public double? AcceptanceRate => RecommendationTurns == 0 ? null : Math.Min(1, (double)Successes / RecommendationTurns);
}
