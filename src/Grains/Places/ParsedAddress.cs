namespace Naviyam.Places;

/// <summary>
/// What an address says about where a shop is, resolved against the gazetteer once (at import) so that every later
/// question about it compares integers: "제주특별자치도 제주시 아라일동 123" → 제주특별자치도, 제주시, the legal
/// 아라일동 (read 아라1동), part of the administrative 아라동. Unknown parts are −1 or null; an address may name a
/// 동 without a 시군구 ("이곡동 1248") or a city of several 구 without the 구 ("수원시 인계동" finds 팔달구 by its 동).
/// </summary>
public sealed record ParsedAddress
{
    public static ParsedAddress Empty { get; } = new();

    /// <summary>The 시도 (gazetteer id), −1 when unknown.</summary>
    public int SidoId { get; init; } = -1;

    /// <summary>The 시군구 (gazetteer id), −1 when unknown or ambiguous.</summary>
    public int SigunguId { get; init; } = -1;

    /// <summary>The city of several 구 the address names when its 구 stays unknown ("수원시 123번길").</summary>
    public City? City { get; init; }

    /// <summary>The 읍면동 (or 가) as the address writes it, spaces removed: "아라일동", "종로1가", "애월읍".</summary>
    public string? DongWritten { get; init; }

    /// <summary>The written 읍면동 read as a name (아라일동 → 아라1동).</summary>
    public DongName? Dong { get; init; }

    /// <summary>The administrative 읍면동 of <see cref="SigunguId"/> the written one names, is part of or spans.</summary>
    public DongMatch DongMatch { get; init; } = DongMatch.None;

    /// <summary>The 리 of a 읍 or 면 ("고성리"), as written.</summary>
    public string? Ri { get; init; }

    /// <summary>The road of a road address ("이곡공원로", "대림로22길"); null for a lot address.</summary>
    public string? Road { get; init; }

    /// <summary>The finest level the address places the shop at: a 읍면동 counts only inside a known 시군구.</summary>
    public AreaLevel? Level =>
        SigunguId >= 0 && Dong is not null ? AreaLevel.Eupmyeondong
        : SigunguId >= 0 || City is not null ? AreaLevel.Sigungu
        : SidoId >= 0 ? AreaLevel.Sido
        : null;
}
