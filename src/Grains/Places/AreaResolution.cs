namespace Naviyam.Places;

/// <summary>
/// What a user's place phrase resolved to: one <see cref="Area"/>, or several the phrase could mean and nothing
/// decided between (중구 without a location or served shops to tell), or nothing. <see cref="Candidates"/> lists
/// every area the phrase could mean, the chosen one included.
/// </summary>
public sealed record AreaResolution(Area? Area, IReadOnlyList<Area> Candidates)
{
    public static AreaResolution None { get; } = new(null, []);

    public bool IsFound => Area is not null;

    /// <summary>The phrase names several areas and none could be chosen: ask which one ("서울 중구요, 대구 중구요?").</summary>
    public bool IsAmbiguous => Area is null && Candidates.Count > 1;
}
