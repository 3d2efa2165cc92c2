using Naviyam.Chat;
using Naviyam.Profiles;

namespace Naviyam.Conversation;

/// <summary>
/// During onboarding (the user's first <see cref="OnboardingTurns"/> turns, counted by the profile across sessions) the
/// bot asks one short question about what the child likes, when it helps: the request named no food, kind of dish or
/// taste, nothing is known about the user yet, and the reply does show picks (the question follows them, it never
/// replaces an answer). Asked once per user: the profile remembers it (<see cref="UserProfile.PreferenceAsked"/>), and
/// the session's replies are checked too, in case the profile has not yet taken the last turn in. The answer ("떡볶이
/// 좋아해", "매운 거 좋아") is understood like any message, and its food or taste lands in the profile as a liked food or
/// taste preference.
/// </summary>
public static class OnboardingQuestion
{
    /// <summary>The journey's onboarding stage: turns 1–3 (<c>JourneyState.OnboardingTurns</c>).</summary>
    public const int OnboardingTurns = 3;

    public const string Text = "참, 평소에 좋아하는 음식이 뭐예요? 알려 주면 다음부터 더 잘 골라 줄게요.";

    /// <summary>The question to add to this turn's reply, or null.</summary>
    public static string? For(UserProfile profile, SearchPlan plan, TurnUnderstanding understanding, int picksShown, SessionHistory history)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(understanding);
        ArgumentNullException.ThrowIfNull(history);
        var onboarding = profile.TurnCount < OnboardingTurns;
        var nothingKnown = profile.LikedFoods.Count == 0 && profile.TastePreference is null;
        var vague = plan.FoodType is null && plan.Wish is null && understanding.Slots.TastePreference is null;
        var askedBefore = profile.PreferenceAsked || history.Replies.Any(r => r.PreferenceQuestion is not null);
        return onboarding && nothingKnown && vague && picksShown > 0 && !askedBefore ? Text : null;
    }
}
