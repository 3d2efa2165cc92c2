using Naviyam.Chat;

namespace Naviyam.Logging;

/// <summary>Everything one turn leaves behind: the <c>conversations</c>, <c>recommendations_log</c> and <c>performance_logs</c> rows.</summary>
public sealed record TurnRecord(
    string SessionId,
    string UserId,
    string TurnId,
    DateTimeOffset At,
    string Text,
    string NormalizedText,
    ChatReply Reply,
    string NluModelVersion,
    string RankingModelVersion);
