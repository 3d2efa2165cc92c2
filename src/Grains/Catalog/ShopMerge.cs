using Naviyam.Shops;

namespace Naviyam.Catalog;

/// <summary>How a newly imported or edited version of a shop combines with the one already stored.</summary>
public static class ShopMerge
{
    /// <summary>
    /// The incoming version wins, except that a not-for-children flag set by any source is never cleared:
    /// a later list that forgets the flag must not make a bar recommendable to a child.
    /// Data the incoming version lacks (menus, hours, coordinates) is kept from the stored one, and so are the stored
    /// version's own coordinates when the incoming one only has an approximate position for the same address: a list
    /// without coordinates must not blur a shop another list placed exactly.
    /// </summary>
    public static ShopRecord Merge(ShopRecord? existing, ShopRecord incoming)
    {
        if (existing is null)
        {
            return incoming;
        }

        var position = KeepsPosition(existing, incoming) ? existing : incoming;
        return incoming with
        {
            NotForChildren = existing.NotForChildren || incoming.NotForChildren,
            Menus = incoming.Menus.Count > 0 ? incoming.Menus : existing.Menus,
            Hours = incoming.Hours ?? existing.Hours,
            Location = position.Location,
            LocationApproximate = position.LocationApproximate,
            ApproximateArea = position.ApproximateArea,
            Phone = incoming.Phone ?? existing.Phone,
            Address = incoming.Address ?? existing.Address,
        };
    }

    private static bool KeepsPosition(ShopRecord existing, ShopRecord incoming) =>
        incoming.Location is null
        || incoming.LocationApproximate && existing.Location is not null && !existing.LocationApproximate
                                        && (incoming.Address is null || ShopIdentity.SameAddress(existing.Address, incoming.Address));
}
