using System.Collections.Immutable;

namespace Naviyam.Places;

/// <summary>How a written 읍면동 name relates to the administrative 읍면동 of one 시군구.</summary>
public enum DongMatchKind
{
    /// <summary>No administrative 읍면동 of that 시군구 carries the name (a legal 동 named otherwise: 법환동 in 대륜동).</summary>
    None = 0,

    /// <summary>The name is an administrative 읍면동's own, in any spelling: 일도이동 → 일도2동, 종로1가 → 종로1.2.3.4가동.</summary>
    Exact = 1,

    /// <summary>The name is a part of one administrative 읍면동: the legal 아라일동 of 아라동, 한강로2가 of 한강로동.</summary>
    Within = 2,

    /// <summary>The name spans several administrative 읍면동: the legal 신월동 → 신월1동 … 신월7동.</summary>
    Spans = 3,
}

/// <summary>The administrative 읍면동 (gazetteer ids) a written name stands for in one 시군구, and how.</summary>
public readonly record struct DongMatch(DongMatchKind Kind, ImmutableArray<int> DongIds)
{
    public static DongMatch None { get; } = new(DongMatchKind.None, []);

    public bool IsEmpty => Kind == DongMatchKind.None;
}
