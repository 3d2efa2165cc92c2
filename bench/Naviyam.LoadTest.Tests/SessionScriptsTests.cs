using Naviyam.LoadTest;

namespace Naviyam.LoadTest.Tests;

public class SessionScriptsTests
{
    private static readonly DialogPatterns Patterns = DialogPatterns.Load(Scenarios.RepositoryRoot());

    [Fact]
    public void The_patterns_come_from_the_teams_corpus()
    {
        Patterns.Openers.Should().Contain("신림동에서 돈까스", "the generated set's first turns open sessions");
        Patterns.Openers.Should().NotContain(o => o.Contains("애월", StringComparison.Ordinal), "Jeju's places are not in the generated Seoul");
        Patterns.FollowUps.Should().Contain(["더 싼 데 없어?", "2번 가게는 어디 있어?", "매운 거 못 먹어"]);
        Patterns.Corpus.Should().HaveCountGreaterThan(400).And.Contain("할인 쿠폰 못 받았어ㅜㅜ");
        Patterns.Phrases.Should().Contain("더싼").And.Contain(p => p.Contains(' ', StringComparison.Ordinal), "some questions name a pick (\"거기 가격\")");
    }

    [Fact]
    public void Sessions_have_one_to_six_turns_and_every_length_occurs()
    {
        var scripts = new SessionScripts(Patterns, 42, new MixShape());

        var lengths = Enumerable.Range(0, 5_000).Select(i => scripts.For(i).Turns.Count).ToArray();

        lengths.Should().OnlyContain(n => n >= 1 && n <= 6);
        lengths.Distinct().Order().Should().Equal(1, 2, 3, 4, 5, 6);
        lengths.Average().Should().BeApproximately(new MixShape().MeanLength, 0.1);
    }

    [Fact]
    public void The_same_seed_and_index_give_the_same_session_in_any_order()
    {
        var first = new SessionScripts(Patterns, 7, new MixShape());
        var second = new SessionScripts(Patterns, 7, new MixShape());

        var forward = Enumerable.Range(0, 200).Select(i => first.For(i)).ToArray();
        var backward = Enumerable.Range(0, 200).Reverse().Select(i => second.For(i)).Reverse().ToArray();

        backward.Should().BeEquivalentTo(forward, o => o.WithStrictOrdering());
        var other = new SessionScripts(Patterns, 8, new MixShape());
        Enumerable.Range(0, 200).Select(i => other.For(i).Turns[0]).Should().NotEqual(forward.Select(s => s.Turns[0]));
    }

    [Fact]
    public void Card_holders_and_users_without_a_location_come_in_their_shares()
    {
        var shape = new MixShape { CardShare = 0.3, NoLocationShare = 0.2, Places = 100 };
        var scripts = Enumerable.Range(0, 10_000).Select(i => new SessionScripts(Patterns, 1, shape).For(i)).ToArray();

        scripts.Count(s => s.HasCard).Should().BeInRange(2_800, 3_200);
        scripts.Count(s => s.Place is null).Should().BeInRange(1_800, 2_200);
        scripts.Where(s => s.Place is not null).Should().OnlyContain(s => s.Place >= 0 && s.Place < 100);
        scripts.Select(s => s.Place).Distinct().Should().HaveCount(101, "every place and 'nowhere' occur");
        scripts.Should().OnlyContain(s => s.Age >= 10 && s.Age <= 18);
    }

    [Fact]
    public void First_turns_open_and_later_turns_follow_up()
    {
        var scripts = new SessionScripts(Patterns, 3, new MixShape());
        var sessions = Enumerable.Range(0, 2_000).Select(i => scripts.For(i)).ToArray();

        sessions.Should().OnlyContain(s => Patterns.Openers.Contains(s.Turns[0]) || Patterns.Corpus.Contains(s.Turns[0]));
        var later = sessions.SelectMany(s => s.Turns.Skip(1)).ToArray();
        later.Should().OnlyContain(t => Patterns.FollowUps.Contains(t) || Patterns.Phrases.Contains(t) || Patterns.Corpus.Contains(t));
        later.Count(Patterns.FollowUps.Contains).Should().BeGreaterThan(later.Length / 3);
    }
}
