namespace Naviyam.Hosting;

/// <summary>Names shared by every host, so the embedded default and MySQL mode plug into the same slots.</summary>
public static class StorageNames
{
    /// <summary>The grain storage every grain uses, in memory or in MySQL alike.</summary>
    public const string Default = "naviyam";
}
