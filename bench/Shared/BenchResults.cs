using System.Text.Json;
using System.Text.Json.Serialization;

namespace Naviyam.Bench;

/// <summary>
/// One measured figure. Latencies are microseconds; <see cref="Baseline"/> names the figure of the same file it is
/// compared with (measured in the same run, so machine noise hits both).
/// </summary>
public sealed record Figure
{
    public required string Group { get; init; }
    public required string Name { get; init; }
    public string? Baseline { get; init; }
    public double? P50Us { get; init; }
    public double? P99Us { get; init; }
    public double? MeanUs { get; init; }
    public double? MaxUs { get; init; }
    public double? Throughput { get; init; }
    /// <summary>What <see cref="Throughput"/> counts per second ("turns/s", "ops/s", "scores/s").</summary>
    public string? ThroughputUnit { get; init; }
    public long? Count { get; init; }
    public long Errors { get; init; }
    /// <summary>Bytes allocated per operation: exact for micro-benchmarks, the whole process's share for load runs.</summary>
    public double? AllocatedBytesPerOp { get; init; }
    public int? Concurrency { get; init; }
    public double? DurationSeconds { get; init; }
    /// <summary>Further named numbers (per-stage microseconds, CPU per op, memory).</summary>
    public Dictionary<string, double> Extra { get; init; } = new(StringComparer.Ordinal);
    public string? Note { get; init; }
}

/// <summary>What one run of one part of the suite leaves behind.</summary>
public sealed record ResultFile
{
    public required string Scenario { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
    public Dictionary<string, string> Settings { get; init; } = new(StringComparer.Ordinal);
    public List<Figure> Figures { get; init; } = [];
    public List<string> Notes { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }

    public static ResultFile Load(string path) =>
        JsonSerializer.Deserialize<ResultFile>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} holds no result.");
}
