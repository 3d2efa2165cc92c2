using System.Data.Common;
using Microsoft.Extensions.Logging;
using Naviyam.Infrastructure.MySql;
using Naviyam.Storage;

namespace Naviyam.Hosting;

/// <summary>
/// On every silo: a database failure escaping a grain call becomes a <see cref="StorageFailureException"/>, which Orleans
/// can send to a caller in another process (the driver's exception cannot be serialized, and a gateway in front of a
/// cluster answered such calls with 500). The silo logs the driver's error code; the caller learns only whether to try
/// again.
/// </summary>
public sealed partial class DatabaseFailureFilter(ILogger<DatabaseFailureFilter> logger) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        // It runs on every grain call: a call that completed at once (most reads) costs no state machine here.
        var call = context.Invoke();
        return call.IsCompletedSuccessfully ? Task.CompletedTask : TranslateAsync(call, context);
    }

    private async Task TranslateAsync(Task call, IIncomingGrainCallContext context)
    {
        try
        {
            await call;
        }
        catch (DbException failure)
        {
            var transient = MySqlFailures.IsTransient(failure);
            var described = MySqlFailures.Describe(failure);
            LogFailure(logger, context.InterfaceName, context.MethodName, described, transient);
            throw new StorageFailureException($"The database failed: {described}") { Transient = transient };
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Interface}.{Method} failed in the database: {Failure} (transient: {Transient})")]
    private static partial void LogFailure(ILogger logger, string @interface, string method, string failure, bool transient);
}
