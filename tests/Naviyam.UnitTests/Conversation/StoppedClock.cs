namespace Naviyam.UnitTests.Conversation;

/// <summary>A clock that stands still, so "now" is the same for every stage and every run.</summary>
internal sealed class StoppedClock(DateTimeOffset at) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at.ToUniversalTime();
}
