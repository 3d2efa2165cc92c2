using System.Data.Common;
using MySqlConnector;

namespace Naviyam.Infrastructure.MySql;

/// <summary>Which database failures are "not now" rather than "never": the caller may send the same call again.</summary>
public static class MySqlFailures
{
    public static bool IsTransient(DbException exception) =>
        exception.IsTransient
        || exception is MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout or MySqlErrorCode.UnableToConnectToHost }
        // MySqlConnector marks a refused or dropped connection as a plain error; it is as transient as a timeout.
        || (exception is MySqlException && exception.Message.Contains("Unable to connect", StringComparison.OrdinalIgnoreCase));

    /// <summary>The driver's error code, for logs and the caller: never the statement or its values.</summary>
    public static string Describe(DbException exception) =>
        exception is MySqlException mySql ? $"{nameof(MySqlException)} {mySql.ErrorCode}" : exception.GetType().Name;
}
