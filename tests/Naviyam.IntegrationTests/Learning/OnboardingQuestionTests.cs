using Microsoft.Extensions.DependencyInjection;
using Naviyam.Conversation;
using Naviyam.IntegrationTests.Infrastructure;
using Naviyam.Profiles;

namespace Naviyam.IntegrationTests.Learning;

/// <summary>The embedded default with a small generated city (demo users hold meal cards; new ids are new users).</summary>
public sealed class OnboardingCityFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Data:GenerateShops"] = "400",
});

/// <summary>
/// The onboarding question over the real gateway and silo: a new user's vague first request gets its picks and one
/// short question about what they like; the answer lands in the profile; the question is never asked again, in that
/// session or another; a request that says what it wants, or a user already known, is not asked.
/// </summary>
public class OnboardingQuestionTests(OnboardingCityFactory factory) : IClassFixture<OnboardingCityFactory>
{
    private const string Vague = "배고픈데 5천원밖에 없어";

    private async Task<UserProfile> ProfileEventuallyAsync(string userId, Func<UserProfile, bool> done)
    {
        var grain = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IProfileGrain>(userId);
        var profile = await grain.GetAsync();
        for (var i = 0; i < 100 && !done(profile); i++)
        {
            await Task.Delay(50);
            profile = await grain.GetAsync();
        }
        return profile;
    }

    [Fact]
    public async Task A_new_users_vague_request_gets_one_preference_question_whose_answer_lands_in_the_profile()
    {
        const string user = "onboarding-new";
        using var client = await factory.ClientForAsync(user);

        var first = await client.ChatAsync(user, "onboarding-a", Vague, turnId: "t1");
        first.Recommendations.Should().NotBeEmpty(first.Reply);
        first.Reply.Should().EndWith(OnboardingQuestion.Text, "the question follows the picks, it does not replace them");
        first.Reply.Split(OnboardingQuestion.Text).Should().HaveCount(2, "it is asked once");
        (await ProfileEventuallyAsync(user, p => p.PreferenceAsked)).PreferenceAsked.Should().BeTrue();

        var answer = await client.ChatAsync(user, "onboarding-a", "떡볶이 좋아해", turnId: "t2");
        answer.Reply.Should().NotContain(OnboardingQuestion.Text);
        var profile = await ProfileEventuallyAsync(user, p => p.LikedFoods.ContainsKey("떡볶이"));
        profile.LikedFoods.Should().ContainKey("떡볶이", "the answer is the user's preference");

        var again = await client.ChatAsync(user, "onboarding-b", Vague, turnId: "t1");
        again.Recommendations.Should().NotBeEmpty();
        again.Reply.Should().NotContain(OnboardingQuestion.Text, "never twice, in any session");
    }

    [Fact]
    public async Task A_user_who_ignores_the_question_is_not_asked_again_in_another_session()
    {
        const string user = "onboarding-ignores";
        using var client = await factory.ClientForAsync(user);

        (await client.ChatAsync(user, "ignores-a", Vague, turnId: "t1")).Reply.Should().EndWith(OnboardingQuestion.Text);
        await ProfileEventuallyAsync(user, p => p.PreferenceAsked);
        var second = await client.ChatAsync(user, "ignores-b", "배고파 4천원 있어", turnId: "t1");

        second.Recommendations.Should().NotBeEmpty(second.Reply);
        second.Reply.Should().NotContain(OnboardingQuestion.Text);
    }

    [Fact]
    public async Task A_request_that_names_a_food_is_not_asked()
    {
        const string user = "onboarding-specific";
        using var client = await factory.ClientForAsync(user);

        var reply = await client.ChatAsync(user, "specific-a", "5천원으로 김밥 먹고 싶어", turnId: "t1");

        reply.Recommendations.Should().NotBeEmpty(reply.Reply);
        reply.Reply.Should().NotContain(OnboardingQuestion.Text);
    }

    [Fact]
    public async Task A_user_past_onboarding_is_not_asked()
    {
        const string user = "onboarding-regular";
        using var client = await factory.ClientForAsync(user);
        // Three turns the question does not fit (nothing shown) make the user known by turns, not by taste.
        for (var i = 1; i <= OnboardingQuestion.OnboardingTurns; i++)
        {
            await client.ChatAsync(user, "regular-a", "안녕", turnId: $"hello-{i}");
        }
        await ProfileEventuallyAsync(user, p => p.TurnCount >= OnboardingQuestion.OnboardingTurns);

        var reply = await client.ChatAsync(user, "regular-b", Vague, turnId: "t1");

        reply.Recommendations.Should().NotBeEmpty(reply.Reply);
        reply.Reply.Should().NotContain(OnboardingQuestion.Text);
    }
}
