using System.Collections.Immutable;
using Naviyam.Shops;

namespace Naviyam.Places;

/// <summary>
/// A 시 made of several 구 (수원시, 성남시, 포항시, 창원시): the gazetteer lists only its 구 ("수원시 팔달구"), but
/// people and some addresses name the city alone ("수원시 인계동", "수원 쪽"). Its point is the mean of its 구' points.
/// </summary>
public sealed record City(int Id, string Name, int SidoId, ImmutableArray<int> SigunguIds, GeoPoint Point);
