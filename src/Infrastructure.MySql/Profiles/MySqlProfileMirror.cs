using System.Text.Json;
using MySqlConnector;
using Naviyam.Profiles;

namespace Naviyam.Infrastructure.MySql;

/// <summary>Upserts the learned profile into <c>user_profiles</c> for analytics.</summary>
public sealed class MySqlProfileMirror(MySqlDataSource dataSource) : IProfileMirror
{
    public async Task MirrorAsync(string userId, UserProfile profile)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new MySqlCommand("""
            INSERT INTO user_profiles (user_id, age_group, liked_foods, taste_preference, average_budget, dietary_restrictions, interaction_count)
            VALUES (@user, @age, @liked, @taste, @budget, @diet, @count)
            ON DUPLICATE KEY UPDATE age_group = VALUES(age_group), liked_foods = VALUES(liked_foods),
                taste_preference = VALUES(taste_preference), average_budget = VALUES(average_budget),
                dietary_restrictions = VALUES(dietary_restrictions), interaction_count = VALUES(interaction_count)
            """, connection);
        command.Parameters.AddWithValue("@user", userId);
        command.Parameters.AddWithValue("@age", profile.AgeGroup);
        command.Parameters.AddWithValue("@liked", JsonSerializer.Serialize(profile.LikedFoods, MySqlTurnJournal.Json));
        command.Parameters.AddWithValue("@taste", profile.TastePreference);
        command.Parameters.AddWithValue("@budget", profile.UsualBudget);
        command.Parameters.AddWithValue("@diet", JsonSerializer.Serialize(profile.DietaryRestrictions, MySqlTurnJournal.Json));
        command.Parameters.AddWithValue("@count", profile.TurnCount);
        await command.ExecuteNonQueryAsync();
    }
}
