using Naviyam.Chat;
using Naviyam.Conversation;

namespace Naviyam.UnitTests.Conversation;

public class SlotTrackerTests
{
    [Fact]
    public void Slots_carry_over_and_exclusions_accumulate()
    {
        var slots = SlotTracker.Merge(Entities.None, new Entities { Budget = 10000, BudgetKind = BudgetKinds.Cap });
        slots = SlotTracker.Merge(slots, new Entities { TastePreference = "안 매운", Exclusions = ["매운"] });
        slots = SlotTracker.Merge(slots, new Entities { FoodType = "치킨" });

        slots.Budget.Should().Be(10000);
        slots.FoodType.Should().Be("치킨");
        slots.Exclusions.Should().Equal("매운");
    }

    [Fact]
    public void Asking_for_an_excluded_food_lifts_the_exclusion()
    {
        var slots = SlotTracker.Merge(Entities.None, new Entities { Exclusions = ["피자"] });
        slots = SlotTracker.Merge(slots, new Entities { FoodType = "피자" });

        slots.FoodType.Should().Be("피자");
        slots.Exclusions.Should().BeNull();
    }

    [Fact]
    public void A_correction_replaces_the_budget()
    {
        var slots = SlotTracker.Merge(new Entities { Budget = 10000 }, new Entities { Budget = 20000, BudgetKind = BudgetKinds.Exact });

        slots.Budget.Should().Be(20000);
    }

    [Theory]
    [InlineData("처음부터다시할래", true)]
    [InlineData("없던걸로해줘", true)]
    [InlineData("다시추천해줘", false)]
    public void Starting_over_is_said_in_so_many_words(string compactText, bool reset) =>
        new SlotTracker(TestLexicons.FollowUpPhrases).IsReset(compactText).Should().Be(reset);
}
