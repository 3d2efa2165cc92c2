namespace Naviyam.Places;

/// <summary>
/// Answers "is this shop inside this area?" from what the index decided about the shop, with integer comparisons
/// only (it runs for every candidate shop of a turn that names a place). The address decides first; the
/// coordinates, when they agree with the address, only settle what the address leaves open.
/// </summary>
/// <remarks>
/// At the 읍면동 level an address that names a 동 is taken at its word. Its 동 stands for one or several
/// administrative 읍면동 (<see cref="DongMatch"/>):
/// <list type="bullet">
/// <item>all of them inside the area: the shop is in it — "아라일동 123" is in 아라동, "신월동 5" in the user's 신월동
/// (신월1동 … 신월7동);</item>
/// <item>none of them inside: it is not, whatever its coordinates say — its address names another place, and a shop
/// said to be in an area must be there by its address;</item>
/// <item>none at all (a legal 동 the gazetteer does not relate to any: 색달동, 법환동): it is in the 읍면동 where nearly
/// all the served shops naming that legal 동 lie by their agreeing coordinates (<see cref="LegalAreas"/>), else in
/// none;</item>
/// <item>some inside (a legal 동 split into several administrative ones, the area one of them: "신월동 5" asked for
/// 신월1동): the shop is in the area only if its coordinates' nearest 읍면동 point among those the address allows
/// is in it; a shop without agreeing coordinates is left out, since saying it is there would be a guess.</item>
/// </list>
/// A shop whose address names no 동 at all (a road address, or none) is placed by its coordinates: the nearest
/// 읍면동 point within its 시군구, a Voronoi approximation of the 읍면동's territory. A legal area learned from
/// addresses (법환동, 고성리) holds exactly the shops whose address names it.
/// </remarks>
public static class AreaMatcher
{
    public static bool Contains(Area area, ShopPlace shop)
    {
        switch (area.Kind)
        {
            case AreaKind.Administrative when area.Level == AreaLevel.Sido:
                return shop.SidoId == area.SidoId;
            case AreaKind.Administrative when area.Level == AreaLevel.Sigungu:
                return shop.SigunguId == area.SigunguId;
            case AreaKind.City:
                return shop.SigunguId >= 0 ? area.Children.Contains(shop.SigunguId) : shop.Address.City == area.City;
            case AreaKind.Legal when area.Level == AreaLevel.Ri:
                return shop.Address.SigunguId == area.SigunguId && shop.Address.Ri == area.Name
                       && (area.EupmyeonId < 0 || shop.Address.DongMatch.DongIds.Contains(area.EupmyeonId));
            case AreaKind.Legal:
                return shop.Address.SigunguId == area.SigunguId && shop.Address.Dong == area.LegalName;
            default:
                return shop.SigunguId == area.SigunguId && InDongs(area, shop);
        }
    }

    private static bool InDongs(Area area, ShopPlace shop)
    {
        if (shop.Address.Dong is null || shop.Address.SigunguId != area.SigunguId)
        {
            return shop.AdminDongId >= 0 && area.Children.Contains(shop.AdminDongId);
        }
        var named = shop.Address.DongMatch.DongIds;
        if (named.IsEmpty)
        {
            // A legal 동 related to no 읍면동 by name: in the one its served shops were learned to lie in, else nowhere.
            return shop.DongEvidence == DongEvidence.LegalDong && area.Children.Contains(shop.AdminDongId);
        }
        var inside = 0;
        foreach (var id in named)
        {
            if (area.Children.Contains(id))
            {
                inside++;
            }
        }
        return inside == named.Length
               || inside > 0 && shop.DongEvidence == DongEvidence.Coordinates && area.Children.Contains(shop.AdminDongId);
    }
}
