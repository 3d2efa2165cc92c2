using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;

namespace Naviyam.Learning;

/// <summary>Bound from <c>Naviyam:Learning:Features</c>: how often and over what the behaviour features are refreshed.</summary>
public sealed class FeatureRefreshOptions
{
    public const string Section = "Naviyam:Learning:Features";

    /// <summary>The refresh reminder's period (Orleans reminders fire at most once a minute).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far back the log is read.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Most interactions one refresh reads.</summary>
    [Range(1_000, 5_000_000)]
    public int MaxInteractions { get; set; } = 500_000;

    /// <summary>Rows per write: a refresh writes its vectors in batches of this many.</summary>
    [Range(1, 5_000)]
    public int BatchSize { get; set; } = 500;
}

/// <summary>The <c>feature_vectors</c> table (MySQL) or its in-memory stand-in.</summary>
public interface IFeatureStore
{
    Task UpsertAsync(IReadOnlyList<FeatureVector> batch, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<FeatureVector>> ReadAllAsync(CancellationToken cancellationToken = default);
}

public sealed class InMemoryFeatureStore : IFeatureStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), FeatureVector> vectors = new();

    public Task UpsertAsync(IReadOnlyList<FeatureVector> batch, CancellationToken cancellationToken = default)
    {
        foreach (var vector in batch)
        {
            vectors[(vector.EntityType, vector.EntityId)] = vector;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FeatureVector>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FeatureVector>>([.. vectors.Values]);
}

/// <summary>
/// This silo's copy of the behaviour features, read by the ranking stage without any I/O. Replaced whole by the refresh
/// on this silo, and reloaded from <see cref="IFeatureStore"/> by <see cref="FeatureMemoryLoader"/> so other silos catch up.
/// </summary>
public sealed class FeatureMemory
{
    private volatile Snapshot current = Snapshot.Empty;

    public int UserCount => current.Users.Count;

    public int ShopCount => current.Shops.Count;

    public DateTimeOffset? LoadedAt => current.At;

    public FeatureVector? User(string? userId) => userId is not null && current.Users.TryGetValue(userId, out var v) ? v : null;

    public FeatureVector? Shop(string shopId) => current.Shops.TryGetValue(shopId, out var v) ? v : null;

    public void Replace(IReadOnlyList<FeatureVector> vectors, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        current = new Snapshot(
            vectors.Where(v => v.EntityType == FeatureVector.User).ToFrozenDictionary(v => v.EntityId, StringComparer.Ordinal),
            vectors.Where(v => v.EntityType == FeatureVector.Shop).ToFrozenDictionary(v => v.EntityId, StringComparer.Ordinal),
            at);
    }

    private sealed record Snapshot(FrozenDictionary<string, FeatureVector> Users, FrozenDictionary<string, FeatureVector> Shops, DateTimeOffset? At)
    {
        public static Snapshot Empty { get; } = new(FrozenDictionary<string, FeatureVector>.Empty, FrozenDictionary<string, FeatureVector>.Empty, null);
    }
}
