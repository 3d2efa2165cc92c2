using Naviyam.Preprocessing;

namespace Naviyam.UnitTests.Preprocessing;

public class TextNormalizerTests
{
    private readonly TextNormalizer normalizer = TestLexicons.Normalizer;

    [Fact]
    public void Repeated_characters_and_spaces_are_folded()
    {
        var text = normalizer.Normalize("  배고파!!!!   떡볶이~~~ ㅋㅋㅋㅋㅋ ");

        text.Normalized.Should().Be("배고파! 떡볶이~");
        text.Signals.Should().Contain(Signals.Happy);
    }

    [Fact]
    public void Emoji_become_signals_and_food_emoji_become_words()
    {
        var text = normalizer.Normalize("😭🍕");

        text.Signals.Should().Contain(Signals.Distress);
        text.Normalized.Should().Contain("피자");
    }

    [Fact]
    public void Only_emoji_is_a_normal_turn_with_an_emoji_only_signal()
    {
        var text = normalizer.Normalize("😭😭😭");

        text.IsEmpty.Should().BeTrue();
        text.Signals.Should().Contain([Signals.Distress, Signals.EmojiOnly]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\u0001\u0002")]
    public void Empty_or_control_only_input_is_empty(string input)
    {
        normalizer.Normalize(input).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Decomposed_hangul_is_composed()
    {
        var decomposed = "떡볶이".Normalize(System.Text.NormalizationForm.FormD);

        normalizer.Normalize(decomposed).Normalized.Should().Be("떡볶이");
    }

    [Fact]
    public void Very_long_input_is_bounded()
    {
        normalizer.Normalize(new string('가', 10_000)).Normalized.Length.Should().BeLessThanOrEqualTo(TextNormalizer.MaxLength);
    }
}
