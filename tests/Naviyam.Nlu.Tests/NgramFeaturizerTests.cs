using Naviyam.Nlu.Model;

namespace Naviyam.Nlu.Tests;

public class NgramFeaturizerTests
{
    private static NgramFeaturizer Featurizer(int buckets = NgramFeaturizer.DefaultBuckets) =>
        new(TestAssets.Assets.Cues, TestAssets.Assets.Foods, buckets);

    [Fact]
    public void Hash_is_fnv1a_over_utf16_code_units()
    {
        NgramFeaturizer.Hash("").Should().Be(2166136261u);
        // "a" is the bytes 0x61 0x00: FNV-1a 32 of those two bytes.
        var expected = 2166136261u;
        foreach (var b in new byte[] { 0x61, 0x00 })
        {
            expected = (expected ^ b) * 16777619u;
        }
        NgramFeaturizer.Hash("a").Should().Be(expected);
    }

    [Theory]
    [InlineData("배고픈데 5천원밖에 없어")]
    [InlineData("쿠폰 있어?")]
    [InlineData("🍕🍕🍕")]
    [InlineData("")]
    public void Same_text_gives_the_same_ids_from_independent_instances(string message)
    {
        var text = TestAssets.Assets.Normalizer.Normalize(message);
        var first = Featurizer().Featurize(text);
        var second = new NgramFeaturizer(TestAssets.Assets.Cues, TestAssets.Assets.Foods).Featurize(TestAssets.Assets.Normalizer.Normalize(message));
        first.Should().Equal(second);
        first.Should().NotBeEmpty();
    }

    [Fact]
    public void Ids_stay_inside_the_buckets_and_never_use_the_padding_id()
    {
        var featurizer = Featurizer(buckets: 1 << 10);
        foreach (var example in Training.NluDataset.LoadSplit(TestAssets.DataDirectory, "dev").Take(100))
        {
            featurizer.Featurize(TestAssets.Assets.Normalizer.Normalize(example.Text)).Should().OnlyContain(id => id >= 0 && id < 1 << 10);
        }
        featurizer.PaddingId.Should().Be(1 << 10);
    }

    [Fact]
    public void Ids_are_pinned_so_a_silent_featurizer_change_is_caught()
    {
        // If this fails, the features changed: bump NgramFeaturizer.Version and retrain the model.
        var ids = Featurizer().Featurize(TestAssets.Assets.Normalizer.Normalize("쿠폰 있어?"));
        ids.Length.Should().Be(PinnedLength);
        ids.Sum().Should().Be(PinnedSum);
    }

    [Theory]
    [InlineData("쿠폰 있어?", "cue:coupon", "first:coupon")]
    [InlineData("배고픈데 5천원밖에 없어", "cue:money", "cue:money_cap", "cue:hunger", "first:budget")]
    [InlineData("돈 없어요 배고파요", "cue:nomoney", "first:emergency")]
    [InlineData("친구 3명이랑 2만원으로 먹을 데", "cue:people", "cue:money", "first:group")]
    [InlineData("지금 열었어?", "cue:time", "first:time")]
    [InlineData("떡볶이 맵기 조절 돼?", "cue:menu_option", "cue:food")]
    [InlineData("강남역 근처 떡볶이집 어디 있어?", "cue:location", "first:location")]
    public void Cue_tokens_follow_the_labelling_rules(string message, params string[] expected)
    {
        Featurizer().Tokens(TestAssets.Assets.Normalizer.Normalize(message)).Should().Contain(expected);
    }

    [Fact]
    public void Non_money_numbers_are_not_a_money_cue()
    {
        Featurizer().Tokens(TestAssets.Assets.Normalizer.Normalize("치킨 2마리 시키면 양 많아?")).Should().NotContain("cue:money");
    }

    private const int PinnedLength = 29;
    private const long PinnedSum = 536_403;
}
