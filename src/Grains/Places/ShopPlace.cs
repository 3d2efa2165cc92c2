namespace Naviyam.Places;

/// <summary>How the administrative 읍면동 of a shop was decided.</summary>
public enum DongEvidence
{
    /// <summary>Not decided: the address names a 동 of several, or none, and the coordinates cannot tell.</summary>
    None = 0,

    /// <summary>Its address names it (일도이동 → 일도2동; 아라일동 → 아라동).</summary>
    Address = 1,

    /// <summary>
    /// Its coordinates, which agree with its address, are nearest that 읍면동's point within the address's 시군구 (or
    /// among the 읍면동 its legal 동 spans): a Voronoi approximation of the 읍면동's territory. For a shop whose address
    /// names a legal 동 the gazetteer does not relate to any (법환동) this is only an estimate, which
    /// <see cref="AreaMatcher"/> does not use: the address names another place.
    /// </summary>
    Coordinates = 2,

    /// <summary>
    /// Its address names a legal 동 the gazetteer does not relate by name to any 읍면동 (색달동), and nearly all the
    /// served shops of that legal 동 lie, by their agreeing coordinates, in this one (중문동).
    /// </summary>
    LegalDong = 3,
}

/// <summary>
/// Where one served shop is, decided once when the index is built: its parsed address, the position to use (its
/// coordinates, or an approximate point when they are missing or disagree with the address), and the 시도, 시군구
/// and administrative 읍면동 it lies in (−1 where unknown). The address decides before the coordinates.
/// </summary>
public sealed record ShopPlace(
    string ShopId,
    ParsedAddress Address,
    LocationVerdict Location,
    int SidoId,
    int SigunguId,
    int AdminDongId,
    DongEvidence DongEvidence);
