using Naviyam.Shops;

namespace Naviyam.Places;

/// <summary>What a shop's coordinates say against its address.</summary>
public enum LocationStatus
{
    /// <summary>The coordinates lie plausibly inside the 시군구 the address names: use them.</summary>
    Consistent = 0,

    /// <summary>The coordinates lie outside the address's 시군구 (a Jeju shop at a Seoul point): use the address's area instead.</summary>
    Outside = 1,

    /// <summary>No (usable) coordinates: the position, if any, comes from the address.</summary>
    NoCoordinates = 2,

    /// <summary>Coordinates but no 시군구 in the address to check them against: kept as they are.</summary>
    Unverified = 3,

    /// <summary>Neither usable coordinates nor an address that places the shop.</summary>
    Unplaced = 4,
}

/// <summary>How exact a shop's position is.</summary>
public enum PositionPrecision
{
    /// <summary>No position.</summary>
    None = 0,

    /// <summary>The shop's own coordinates.</summary>
    Coordinates = 1,

    /// <summary>Approximate: the point of the 읍면동 (or legal 동) its address names.</summary>
    Eupmyeondong = 2,

    /// <summary>Approximate: the point of the 시군구 (or city) its address names.</summary>
    Sigungu = 3,
}

/// <summary>
/// The position to use for a shop and why: its coordinates when they agree with its address, else the point of the
/// area its address names (marked approximate). When coordinates were checked, <see cref="MetersFromArea"/> is how
/// far they lie from the nearest 읍면동 point of the address's 시군구 and <see cref="ToleranceMeters"/> how far that
/// 시군구 allows.
/// </summary>
public sealed record LocationVerdict(
    LocationStatus Status,
    GeoPoint? Position,
    PositionPrecision Precision,
    double? MetersFromArea = null,
    double? ToleranceMeters = null)
{
    public bool IsApproximate => Precision is PositionPrecision.Eupmyeondong or PositionPrecision.Sigungu;
}
