using Naviyam.Embeddings;

namespace Naviyam.Embedding.Tests;

public sealed class FeaturizerTests
{
    private readonly EmbeddingFeaturizer featurizer = new();

    [Theory]
    [InlineData("엽떡!! 먹고싶다ㅠ", "엽떡 먹고싶다ㅠ")]
    [InlineData("  Pizza   피자  ", "pizza 피자")]
    [InlineData("떡볶이(대)+콜라", "떡볶이 대 콜라")]
    [InlineData("?!...", "")]
    [InlineData(null, "")]
    public void Normalize_keeps_letters_and_digits_lower_cased_with_single_spaces(string? text, string expected) =>
        EmbeddingFeaturizer.Normalize(text).Should().Be(expected);

    [Fact]
    public void A_text_without_letters_has_no_ids()
    {
        featurizer.Featurize("").Should().BeEmpty();
        featurizer.Featurize("!!! ~~").Should().BeEmpty();
    }

    [Fact]
    public void Ids_lie_in_the_buckets_and_depend_only_on_the_normalized_text()
    {
        var ids = featurizer.Featurize("비 오는 날 먹기 좋은 거");
        ids.Should().NotBeEmpty().And.OnlyContain(id => id >= 0 && id < featurizer.Buckets);
        featurizer.Featurize("비 오는 날, 먹기 좋은 거!!").Should().Equal(ids);
    }

    [Fact]
    public void A_typo_shares_most_jamo_ngrams_with_the_right_spelling()
    {
        var right = featurizer.Featurize("떡볶이").ToHashSet();
        var typo = featurizer.Featurize("떡뽁이");
        var other = featurizer.Featurize("짜장면");
        typo.Count(right.Contains).Should().BeGreaterThan(other.Count(right.Contains) + 3);
    }

    [Fact]
    public void Ids_are_pinned_so_a_silent_featurizer_change_is_caught()
    {
        // Bump EmbeddingFeaturizer.Version (and retrain) when this changes: the committed encoder reads these ids.
        featurizer.Featurize("국밥").Take(6).Should().Equal(PinnedIds);
    }

    private static readonly long[] PinnedIds = [15185, 13542, 6260, 14235, 13598, 2936];
}
