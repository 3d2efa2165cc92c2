using System.Text.Json;
using MySqlConnector;
using Naviyam.Learning;

namespace Naviyam.Infrastructure.MySql;

/// <summary>
/// <c>user_journey_analytics</c>: one row per user, written by the user's learning grain (one activation per user, so
/// no two writers race). The counts the row is rebuilt from live in <c>satisfaction_signals</c>; the milestones,
/// funnel stage and phase are derived from them.
/// </summary>
public sealed class MySqlJourneyStore(MySqlDataSource dataSource) : IJourneyStore
{
    public async Task<JourneyState?> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("""
            SELECT journey_session_id, journey_start, journey_end, satisfaction_signals
            FROM user_journey_analytics WHERE user_id = @user ORDER BY id LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("@user", userId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var start = Utc(reader.GetDateTime(1));
        var counts = reader.IsDBNull(3) ? new Counts() : JsonSerializer.Deserialize<Counts>(reader.GetString(3), MySqlTurnJournal.Json) ?? new Counts();
        return new JourneyState(userId, reader.IsDBNull(0) ? null : reader.GetString(0), start, reader.IsDBNull(2) ? start : Utc(reader.GetDateTime(2)))
        {
            Turns = counts.Turns,
            RecommendationTurns = counts.RecommendationTurns,
            Opened = counts.Opened,
            Selections = counts.Go,
            Rejections = counts.Other,
            FollowUps = counts.FollowUps,
            Orders = counts.Orders,
            RecommendedOrders = counts.RecommendedOrders,
        };
    }

    public async Task SaveAsync(JourneyState journey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journey);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        Bind(command.Parameters, journey);
        command.CommandText = """
            UPDATE user_journey_analytics
            SET journey_session_id = @session, journey_start = @start, journey_end = @end, onboarding_completed = @onboarded,
                first_recommendation_received = @firstRecommendation, first_selection_made = @firstSelection,
                personalization_achieved = @personalized, total_interactions = @interactions, successful_recommendations = @successes,
                recommendation_acceptance_rate = @acceptance, funnel_stage = @stage, satisfaction_signals = @signals,
                personalization_milestones = @milestones
            WHERE user_id = @user
            """;
        if (await command.ExecuteNonQueryAsync(cancellationToken) > 0)
        {
            return;
        }
        command.CommandText = """
            INSERT INTO user_journey_analytics
                (user_id, journey_session_id, journey_start, journey_end, onboarding_completed, first_recommendation_received,
                 first_selection_made, personalization_achieved, total_interactions, successful_recommendations,
                 recommendation_acceptance_rate, funnel_stage, satisfaction_signals, personalization_milestones)
            VALUES (@user, @session, @start, @end, @onboarded, @firstRecommendation, @firstSelection, @personalized, @interactions,
                    @successes, @acceptance, @stage, @signals, @milestones)
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Bind(MySqlParameterCollection parameters, JourneyState journey)
    {
        parameters.AddWithValue("@user", journey.UserId);
        parameters.AddWithValue("@session", journey.FirstSessionId);
        parameters.AddWithValue("@start", journey.Start.UtcDateTime);
        parameters.AddWithValue("@end", journey.LastAt.UtcDateTime);
        parameters.AddWithValue("@onboarded", journey.Turns > JourneyState.OnboardingTurns);
        parameters.AddWithValue("@firstRecommendation", journey.RecommendationTurns > 0);
        parameters.AddWithValue("@firstSelection", journey.Successes > 0);
        parameters.AddWithValue("@personalized", journey.Turns > JourneyState.ProfileBuildingTurns);
        parameters.AddWithValue("@interactions", journey.Turns + journey.Opened + journey.Selections + journey.Rejections + journey.FollowUps + journey.Orders);
        parameters.AddWithValue("@successes", journey.Successes);
        parameters.AddWithValue("@acceptance", journey.AcceptanceRate is { } rate ? Math.Round((decimal)rate, 3) : null);
        parameters.AddWithValue("@stage", journey.FunnelStage);
        parameters.AddWithValue("@signals", JsonSerializer.Serialize(new Counts
        {
            Turns = journey.Turns, RecommendationTurns = journey.RecommendationTurns, Opened = journey.Opened, Go = journey.Selections,
            Other = journey.Rejections, FollowUps = journey.FollowUps, Orders = journey.Orders, RecommendedOrders = journey.RecommendedOrders,
        }, MySqlTurnJournal.Json));
        parameters.AddWithValue("@milestones", JsonSerializer.Serialize(new { phase = journey.Phase, turns = journey.Turns }, MySqlTurnJournal.Json));
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    /// <summary><c>satisfaction_signals</c>: every count the journey is derived from.</summary>
    private sealed record Counts
    {
        public int Turns { get; init; }
        public int RecommendationTurns { get; init; }
        public int Opened { get; init; }
        public int Go { get; init; }
        public int Other { get; init; }
        public int FollowUps { get; init; }
        public int Orders { get; init; }
        public int RecommendedOrders { get; init; }
    }
}
