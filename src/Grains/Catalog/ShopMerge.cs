using Naviyam.Shops;

namespace Naviyam.Catalog;

/// <summary>How a newly imported or edited version of a shop combines with the one already stored.</summary>
public static class ShopMerge
{
    /// <summary>
    /// The incoming version wins, except that a not-for-children flag set by any source is never cleared:
    /// a later list that forgets the flag must not make a bar recommendable to a child.
    /// Data the incoming version lacks (menus, hours, coordinates) is kept from the stored one.
    /// </summary>
    public static ShopRecord Merge(ShopRecord? existing, ShopRecord incoming)
    {
        if (existing is null)
        {
            return incoming;
        }

        return incoming with
        {
            NotForChildren = existing.NotForChildren || incoming.NotForChildren,
            Menus = incoming.Menus.Count > 0 ? incoming.Menus : existing.Menus,
            Hours = incoming.Hours ?? existing.Hours,
            Location = incoming.Location ?? existing.Location,
            Phone = incoming.Phone ?? existing.Phone,
            Address = incoming.Address ?? existing.Address,
        };
    }
}
