using System.Text.Json;
using MySqlConnector;
using Naviyam.Learning;
using Naviyam.Ranking;
using Naviyam.Shops;

namespace Naviyam.Infrastructure.MySql;

/// <summary>
/// Reads the behaviour log back as training impressions: every <c>recommendation_features</c> row that carries its
/// facts, of a turn that has its <c>recommendations_log</c> row, labelled by the <c>user_interactions</c> rows of the same
/// session, turn and shop (<see cref="ImpressionLabels"/>). Each turn's picks come in list order; a turn nobody reacted
/// to gives only negatives. Streaming: rows are read as they are used.
/// </summary>
public sealed class MySqlImpressionReader(MySqlDataSource dataSource)
{
    private static readonly string[] Labelled =
        [InteractionTypes.Order, InteractionTypes.Selection, InteractionTypes.FollowUp, InteractionTypes.DetailView, InteractionTypes.Feedback];

    /// <summary>Impressions logged since <paramref name="since"/> (UTC), by session, turn and position.</summary>
    public async IAsyncEnumerable<LoggedImpression> ReadAsync(DateTimeOffset since,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var actions = await InteractionsAsync(since, cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand("""
            SELECT f.session_id, f.turn_id, f.user_id, f.ranking_position, s.shop_key, f.feature_contributions
            FROM recommendation_features f
            JOIN shops s ON s.id = f.shop_id
            WHERE f.created_at >= @since AND f.session_id IS NOT NULL AND f.turn_id IS NOT NULL AND f.ranking_position IS NOT NULL
              AND JSON_EXISTS(f.feature_contributions, '$.facts')
              AND EXISTS (SELECT 1 FROM recommendations_log r WHERE r.session_id = f.session_id AND r.turn_id = f.turn_id)
            ORDER BY f.session_id, f.turn_id, f.ranking_position, f.id
            """, connection);
        command.Parameters.AddWithValue("@since", since.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var stored = JsonSerializer.Deserialize<StoredFeatures>(reader.GetString(5), MySqlTurnJournal.Json);
            if (stored?.Facts is not { } facts || !Enum.TryParse<FoodCategory>(stored.Category, out var category))
            {
                continue;
            }
            var (session, turn, user, shop) = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(4));
            var situation = new RankingSituation(user, facts.EatAt, facts.BudgetCap, facts.Urgent, facts.FoodAsked);
            var candidate = new CandidateFacts(shop, category, stored.DistanceMeters, stored.Price, facts.PriceKnown, facts.Popularity,
                facts.OpenMinutesLeft, facts.FoodMatched, facts.MealCard, facts.GoodInfluence);
            var label = actions.TryGetValue((session, turn, shop), out var types) ? ImpressionLabels.Of(types) : 0f;
            yield return new LoggedImpression(session, turn, situation, candidate, reader.GetInt32(3), label, stored.Arm);
        }
    }

    /// <summary>The interaction types on each (session, turn, shop) since <paramref name="since"/>.</summary>
    private async Task<Dictionary<(string, string, string), List<string>>> InteractionsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new MySqlCommand($"""
            SELECT session_id, turn_id, JSON_VALUE(user_selection, '$.shopId'), interaction_type
            FROM user_interactions
            WHERE created_at >= @since AND session_id IS NOT NULL AND turn_id IS NOT NULL
              AND interaction_type IN ({string.Join(", ", Labelled.Select(t => $"'{t}'"))})
            """, connection);
        command.Parameters.AddWithValue("@since", since.UtcDateTime);
        var actions = new Dictionary<(string, string, string), List<string>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(2))
            {
                continue;
            }
            var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            if (!actions.TryGetValue(key, out var types))
            {
                actions[key] = types = [];
            }
            types.Add(reader.GetString(3));
        }
        return actions;
    }
}
