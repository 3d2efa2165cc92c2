namespace Naviyam.Storage;

/// <summary>
/// A database failure inside a grain, in the form it crosses from a silo to its caller. The database driver's own
/// exceptions have no Orleans codec, so in a cluster a caller in another process would get a serialization failure (a
/// 500) instead of the failure; this carries only what the caller needs: whether trying again later can succeed (a
/// deadlock, a lost connection) or not. It names the driver's error code, never the statement or its values.
/// </summary>
[GenerateSerializer, Alias("naviyam.storage-failure.v1")]
public sealed class StorageFailureException : Exception
{
    public StorageFailureException()
    {
    }

    public StorageFailureException(string message)
        : base(message)
    {
    }

    public StorageFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the same call may succeed when sent again (the gateway answers 503 with Retry-After).</summary>
    [Id(0)]
    public bool Transient { get; init; }
}
