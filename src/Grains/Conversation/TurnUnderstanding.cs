using Naviyam.Chat;
using Naviyam.Preprocessing;

namespace Naviyam.Conversation;

/// <summary>What the NLU stage made of one message in its session: the text, what it says, and the session's slots after it.</summary>
public sealed record TurnUnderstanding(PreprocessedText Text, NluResult Nlu, Entities Slots, bool SlotsReset)
{
    /// <summary>The message's entities merged into the session's slots; "처음부터 다시" merges them into none.</summary>
    public static TurnUnderstanding Of(PreprocessedText text, NluResult nlu, Entities previousSlots, SlotTracker slotTracker)
    {
        var reset = slotTracker.IsReset(text.Compact);
        return new TurnUnderstanding(text, nlu, SlotTracker.Merge(reset ? Entities.None : previousSlots, nlu.Entities), reset);
    }
}
