using System.Globalization;
using System.Text;
using System.Text.Json;
using MySqlConnector;
using Naviyam.Learning;

namespace Naviyam.Infrastructure.MySql;

/// <summary>
/// The behaviour log in MySQL: <c>recommendation_features</c> (one row per shown pick, with the feature row the ranker
/// read in <c>feature_contributions</c>) and <c>user_interactions</c>. The turn's own <c>recommendations_log</c> row is
/// written by the turn journal, in the turn's transaction; the A/B report joins both by session and turn.
/// </summary>
public sealed class MySqlInteractionLog(MySqlDataSource dataSource) : IInteractionLog
{
    public async Task RecordShownAsync(string userId, LearningTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Shown.Count == 0)
        {
            return;
        }
        var sql = new StringBuilder();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("@user", userId);
        command.Parameters.AddWithValue("@session", turn.SessionId);
        command.Parameters.AddWithValue("@turn", turn.TurnId);
        command.Parameters.AddWithValue("@at", turn.At.UtcDateTime);
        for (var i = 0; i < turn.Shown.Count; i++)
        {
            var pick = turn.Shown[i];
            var n = i.ToString(CultureInfo.InvariantCulture);
            // A shop the catalog tables do not hold (it left the list since) has no row to point at: its pick is skipped.
            sql.Append(CultureInfo.InvariantCulture, $"""
                INSERT INTO recommendation_features
                    (user_id, shop_id, session_id, turn_id, created_at, popularity_score, budget_compatibility, distance_normalized,
                     category_preference_match, visited_before, user_avg_budget_normalized, predicted_score, ranking_position, feature_contributions)
                SELECT @user, s.id, @session, @turn, @at, @popularity{n}, @budget{n}, @distance{n}, @category{n}, @visited{n}, @avgPaid{n},
                       @score{n}, @position{n}, @contributions{n}
                FROM shops s WHERE s.shop_key = @shop{n};

                """);
            command.Parameters.AddWithValue("@shop" + n, pick.ShopId);
            command.Parameters.AddWithValue("@popularity" + n, Unit(pick.Popularity));
            command.Parameters.AddWithValue("@budget" + n, pick.Price is { } price && pick.BudgetCap is > 0 ? Unit(1 - Math.Max(0, (double)price / pick.BudgetCap.Value - 1)) : null);
            command.Parameters.AddWithValue("@distance" + n, pick.DistanceMeters is { } meters ? Unit(Math.Pow(0.5, meters / 800)) : null);
            command.Parameters.AddWithValue("@category" + n, pick.CategoryShare is { } share ? Unit(share) : null);
            command.Parameters.AddWithValue("@visited" + n, pick.ChosenBefore);
            command.Parameters.AddWithValue("@avgPaid" + n, pick.UserAveragePaid is { } paid ? Unit(paid / 20_000) : null);
            command.Parameters.AddWithValue("@score" + n, Unit(pick.Score));
            command.Parameters.AddWithValue("@position" + n, pick.Position);
            // Facts only for a pick the ranker scored (it has a category); a listed pick it did not score trains nothing.
            var facts = turn.EatAt is { } eatAt && pick.Category is not null
                ? new StoredFacts(eatAt, pick.BudgetCap, turn.Urgent, turn.FoodAsked, pick.Popularity, pick.PriceKnown, pick.OpenMinutesLeft,
                    pick.FoodMatched, pick.MealCard, pick.GoodInfluence)
                : null;
            command.Parameters.AddWithValue("@contributions" + n, JsonSerializer.Serialize(new StoredFeatures(
                turn.Method, turn.ModelVersion, pick.Score, pick.Features, pick.Drivers, pick.Category, pick.Price, pick.DistanceMeters, facts), MySqlTurnJournal.Json));
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordAsync(InteractionRecord interaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("""
            INSERT INTO user_interactions (user_id, session_id, turn_id, created_at, interaction_type, user_selection)
            VALUES (@user, @session, @turn, @at, @type, @selection)
            """, connection);
        command.Parameters.AddWithValue("@user", interaction.UserId);
        command.Parameters.AddWithValue("@session", interaction.SessionId);
        command.Parameters.AddWithValue("@turn", interaction.TurnId);
        command.Parameters.AddWithValue("@at", interaction.At.UtcDateTime);
        command.Parameters.AddWithValue("@type", interaction.Type);
        command.Parameters.AddWithValue("@selection", JsonSerializer.Serialize(new StoredSelection(
            interaction.ShopId, interaction.Position, interaction.Kind, interaction.MenuName, interaction.Amount, interaction.Recommended), MySqlTurnJournal.Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ArmSummary>> SummarizeArmsAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand($"""
            SELECT r.recommendation_method, COUNT(*), COUNT(DISTINCT r.user_id),
                   COALESCE(SUM(EXISTS (SELECT 1 FROM user_interactions i WHERE i.session_id = r.session_id AND i.turn_id = r.turn_id
                                        AND i.interaction_type IN ({string.Join(", ", InteractionTypes.Clicks.Select(t => $"'{t}'"))}))), 0),
                   COALESCE(SUM(EXISTS (SELECT 1 FROM user_interactions i WHERE i.session_id = r.session_id AND i.turn_id = r.turn_id
                                        AND i.interaction_type = '{InteractionTypes.Order}')), 0)
            FROM recommendations_log r
            WHERE r.created_at >= @since AND r.recommendation_method IS NOT NULL
            GROUP BY r.recommendation_method
            ORDER BY r.recommendation_method
            """, connection);
        command.Parameters.AddWithValue("@since", since.UtcDateTime);
        var arms = new List<ArmSummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            arms.Add(new ArmSummary(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2),
                Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)));
        }
        return arms;
    }

    public async Task<IReadOnlyList<InteractionRecord>> InteractionsSinceAsync(DateTimeOffset since, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("""
            SELECT user_id, session_id, turn_id, created_at, interaction_type, user_selection
            FROM user_interactions WHERE created_at >= @since ORDER BY created_at, id LIMIT @max
            """, connection);
        command.Parameters.AddWithValue("@since", since.UtcDateTime);
        command.Parameters.AddWithValue("@max", max);
        var rows = new List<InteractionRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var selection = reader.IsDBNull(5) ? null : JsonSerializer.Deserialize<StoredSelection>(reader.GetString(5), MySqlTurnJournal.Json);
            rows.Add(new InteractionRecord(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc)), reader.GetString(4), selection?.ShopId, selection?.Position)
            {
                Kind = selection?.Kind,
                MenuName = selection?.Menu,
                Amount = selection?.Paid,
                Recommended = selection?.Recommended ?? false,
            });
        }
        return rows;
    }

    /// <summary>A value for a DECIMAL(4,3) column holding 0..1.</summary>
    private static decimal Unit(double value) => Math.Round((decimal)Math.Clamp(double.IsFinite(value) ? value : 0, 0, 1), 3);
}
