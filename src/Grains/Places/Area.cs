using System.Collections.Immutable;
using Naviyam.Shops;

namespace Naviyam.Places;

/// <summary>What an <see cref="Area"/> is made of, which decides how a shop is found inside it.</summary>
public enum AreaKind
{
    /// <summary>A 시도, 시군구 or administrative 읍면동 of the gazetteer.</summary>
    Administrative = 0,

    /// <summary>A city of several 구 (수원시): its 구 together.</summary>
    City = 1,

    /// <summary>
    /// A name several administrative 읍면동 share (the legal 신월동 → 신월1동 … 신월7동; 성수동1가 → 성수1가제1동,
    /// 성수1가제2동): those 읍면동 together.
    /// </summary>
    DongFamily = 2,

    /// <summary>
    /// A legal 동, 가 or 리 the gazetteer does not hold, learned from the served shops' addresses (법환동, 도련일동,
    /// 명륜4가, 애월읍 고성리): the shops whose address names it.
    /// </summary>
    Legal = 3,
}

/// <summary>
/// A place a user named, resolved: its level, names, representative point and the administrative areas it is made
/// of. <see cref="Children"/> are gazetteer ids one level down — a 시도's 시군구, a city's 구, a 시군구's 읍면동 —
/// and, at the 읍면동 level, the administrative 읍면동 it covers: itself, the family's members, or those a legal
/// 동 lies in (learned; possibly none).
/// </summary>
public sealed record Area
{
    public required AreaKind Kind { get; init; }

    public required AreaLevel Level { get; init; }

    /// <summary>The name to say: "은평구", "신월동", "아라동", "수원시", "고성리".</summary>
    public required string Name { get; init; }

    /// <summary>The name with what is above it: "서울특별시 양천구 신월동", "제주특별자치도 제주시 애월읍 고성리".</summary>
    public required string FullName { get; init; }

    public required GeoPoint Point { get; init; }

    /// <summary>The 시도 (gazetteer id).</summary>
    public required int SidoId { get; init; }

    /// <summary>The 시군구 (gazetteer id); −1 for a 시도 or a city.</summary>
    public int SigunguId { get; init; } = -1;

    /// <summary>The gazetteer id of an administrative area; −1 for the other kinds.</summary>
    public int AdminId { get; init; } = -1;

    public City? City { get; init; }

    public ImmutableArray<int> Children { get; init; } = [];

    /// <summary>The canonical name a <see cref="AreaKind.Legal"/> 동 or 가 is known by (도련1동); its 리's name for a 리.</summary>
    public DongName? LegalName { get; init; }

    /// <summary>The administrative 읍 or 면 a legal 리 belongs to (gazetteer id), −1 otherwise.</summary>
    public int EupmyeonId { get; init; } = -1;

    public override string ToString() => FullName;
}
