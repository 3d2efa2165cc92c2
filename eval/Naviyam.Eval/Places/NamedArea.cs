namespace Naviyam.Eval.Places;

/// <summary>
/// A place a query names ("애월읍", "제주시 아라동", "삼도2동", "은평구", "양천구 신월동"), resolved within the dataset's
/// 시도: the 시군구 it is in (when known), the 읍면동/리 name, the administrative areas that make it up, and its point
/// (their centroid) — the reference for distances when the query carries no device location.
/// </summary>
public sealed record NamedArea(
    string Text,
    string Sido,
    string? Sigungu,
    DongName? Name,
    IReadOnlyList<GazetteerArea> AdminAreas,
    IReadOnlyList<string> LegalNames,
    GeoPoint Point)
{
    /// <summary>A whole 시군구 (no 읍면동 named).</summary>
    public bool IsSigungu => Name is null;
}

/// <summary>
/// In, out, or cannot tell. Only <see cref="Out"/> makes a pick a violation; only <see cref="In"/> makes a shop relevant.
/// </summary>
public enum Membership
{
    Unknown,
    In,
    Out,
}
