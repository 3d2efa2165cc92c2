using System.Data.Common;
using Naviyam.Infrastructure.MySql;
using Naviyam.Storage;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Naviyam.Gateway.Errors;

/// <summary>
/// Failures that say "not now" rather than "never": a silo that died or is not yet declared dead, a gateway too busy,
/// a call that timed out, the database gone or its circuit open. A client sees 503 with <c>Retry-After</c> and the
/// code <see cref="ErrorCodes.Unavailable"/>, retries the same turn id, and is answered once.
/// </summary>
public static class TransientFailures
{
    /// <summary>Long enough for membership to declare a dead silo dead (docs/reliability.md), short enough for a child.</summary>
    public const int RetryAfterSeconds = 2;

    public const string Detail = "잠시 연결이 불안정해요. 몇 초 뒤에 같은 메시지를 다시 보내 주세요.";

    public static bool IsTransient(Exception exception) => exception switch
    {
        SiloUnavailableException or GatewayTooBusyException or OrleansMessageRejectionException or ClientNotAvailableException => true,
        ConnectionFailedException or TimeoutException => true,
        DbException db => MySqlFailures.IsTransient(db),
        StorageFailureException storage => storage.Transient,
        Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransient),
        _ when exception.InnerException is { } inner => IsTransient(inner),
        _ => false,
    };
}
