using System.Text.Json;
using Naviyam.Eval.Raw;

namespace Naviyam.Eval.Places;

/// <summary>
/// The eval's own answer to "where is this shop" and "is it in the area the child named": the KMA gazetteer, the team's
/// legal-dong table, and address parsing. Independent of the product's place code by construction.
/// </summary>
public sealed class PlaceIndex(Gazetteer gazetteer, IReadOnlyList<LegalDong> legalDongs)
{
    /// <summary>
    /// Coordinates this close to their address's 읍면동 (or, when only the 시군구 is known, twice as close to the 시군구's
    /// point) are believed when they fall in a neighbouring 시군구: shops near a boundary are common, geocoding errors
    /// are tens or hundreds of kilometres.
    /// </summary>
    public const double CoordinateSlackMeters = 8_000;

    /// <summary>
    /// A shop whose address names another 동 is still given the benefit of the doubt this close to the named area's
    /// point, because legal and administrative 동 boundaries differ and the eval's legal-dong table is small.
    /// </summary>
    public const double DongDoubtMeters = 2_000;

    public Gazetteer Gazetteer => gazetteer;

    public static PlaceIndex Load(string gazetteerPath, string legalDongsPath)
    {
        using var stream = File.OpenRead(legalDongsPath);
        var file = JsonSerializer.Deserialize<LegalDongFile>(stream, EvalJson.Options)
                   ?? throw new InvalidDataException($"{legalDongsPath} is empty.");
        return new PlaceIndex(Gazetteer.Load(gazetteerPath), file.Entries);
    }

    /// <summary>The administrative areas an address's 읍면동 lies in (several when the spelling has no number: 신월동).</summary>
    public IReadOnlyList<GazetteerArea> AdminAreasOf(string sido, string? sigungu, DongName name)
    {
        var direct = gazetteer.Emds(sido, sigungu)
            .Where(a => a.Name is not null && name.IsWithin(a.Name) != false)
            .ToList();
        var viaTable = legalDongs
            .Where(e => e.Sido == sido && (sigungu is null || e.Sigungu == sigungu) && DongName.Parse(e.Legal) is { } legal && name.IsWithin(legal) == true)
            .SelectMany(e => e.Admin.SelectMany(admin => gazetteer.Emds(sido, e.Sigungu).Where(a => a.Emd == admin)))
            .ToList();
        return [.. direct.Concat(viaTable).Distinct()];
    }

    /// <summary>The point of an address: its 동 (or 읍면), else its 시군구, else its 시도.</summary>
    public GeoPoint? PointOf(AddressParts parts, string? defaultSido)
    {
        var sido = parts.Sido ?? defaultSido;
        if (sido is null)
        {
            return null;
        }
        if (parts.Emd is { } emd && AdminAreasOf(sido, parts.Sigungu, emd) is { Count: > 0 } areas)
        {
            return GeoPoint.Centroid([.. areas.Select(a => a.Point)]);
        }
        if (parts.Sigungu is not null && gazetteer.Sigungu(sido, parts.Sigungu) is { } district)
        {
            return district.Point;
        }
        return gazetteer.SidoArea(sido)?.Point;
    }

    /// <summary>True when coordinates fall in the address's 시군구, or near the place the address names.</summary>
    public bool AgreesWithAddress(GeoPoint point, AddressParts parts, string? defaultSido)
    {
        var sido = parts.Sido ?? defaultSido;
        if (sido is null)
        {
            return true;
        }
        var nearest = gazetteer.NearestEmd(point);
        if (nearest.Sido == sido && (parts.Sigungu is null || nearest.Sigungu == parts.Sigungu))
        {
            return true;
        }
        if (parts.Emd is { } emd && AdminAreasOf(sido, parts.Sigungu, emd) is { Count: > 0 } areas)
        {
            return areas.Min(a => a.Point.MetersTo(point)) <= CoordinateSlackMeters;
        }
        return PointOf(parts, defaultSido) is { } district && district.MetersTo(point) <= 2 * CoordinateSlackMeters;
    }

    /// <summary>Where the eval places a shop: believed coordinates, else its address's point.</summary>
    public (GeoPoint? Position, bool FromAddress) Locate(GeoPoint? filePoint, AddressParts parts, string? defaultSido)
    {
        if (filePoint is { } point && AgreesWithAddress(point, parts, defaultSido))
        {
            return (point, false);
        }
        var byAddress = PointOf(parts, defaultSido);
        return byAddress is null ? (filePoint, false) : (byAddress, true);
    }

    /// <summary>Resolves a query's area ("제주시 아라동", "애월읍", "은평구") inside a 시도.</summary>
    /// <exception cref="InvalidDataException">The name is not a place the gazetteer or the legal-dong table knows.</exception>
    public NamedArea Resolve(string text, string sido)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string? sigungu = null;
        DongName? name = null;
        for (var i = 0; i < words.Length; i++)
        {
            if (i + 1 < words.Length && gazetteer.IsSigungu(sido, $"{words[i]} {words[i + 1]}"))
            {
                sigungu = $"{words[i]} {words[i + 1]}";
                i++;
            }
            else if (gazetteer.IsSigungu(sido, words[i]))
            {
                sigungu = words[i];
            }
            else
            {
                name = DongName.Parse(words[i]) ?? throw new InvalidDataException($"'{words[i]}' in area '{text}' is neither a 시군구 of {sido} nor a 읍면동/리 name.");
            }
        }

        if (name is null)
        {
            var district = sigungu is null ? null : gazetteer.Sigungu(sido, sigungu);
            return district is null
                ? throw new InvalidDataException($"Area '{text}' names no place in {sido}.")
                : new NamedArea(text, sido, sigungu, null, [district], [], district.Point);
        }

        var admin = gazetteer.Emds(sido, sigungu)
            .Where(a => a.Name is not null && a.Name.IsWithin(name) != false)
            .ToList();
        var legalEntries = legalDongs.Where(e => e.Sido == sido && (sigungu is null || e.Sigungu == sigungu)).ToList();
        // The named place is a legal 동 the table splits into administrative ones (신림동).
        foreach (var entry in legalEntries.Where(e => DongName.Parse(e.Legal) is { } legal && legal.IsWithin(name) == true))
        {
            admin.AddRange(entry.Admin.SelectMany(n => gazetteer.Emds(sido, entry.Sigungu).Where(a => a.Emd == n)));
        }
        if (name.Level == AreaLevel.Ri)
        {
            // A 리 is not in the gazetteer: its point is its 읍면's, found from the shops' addresses by the caller.
            return new NamedArea(text, sido, sigungu, name, [], [], gazetteer.Sigungu(sido, sigungu ?? "")?.Point
                ?? gazetteer.SidoArea(sido)!.Point);
        }
        admin = [.. admin.Distinct()];
        if (admin.Count == 0)
        {
            throw new InvalidDataException($"Area '{text}' is not a 읍면동 of {sido} the gazetteer or the legal-dong table knows.");
        }
        // Legal 동 inside the named administrative ones (아라동 holds 영평동 and 월평동).
        var legalInside = legalEntries
            .Where(e => e.Admin.Any(n => admin.Any(a => a.Emd == n && a.Sigungu == e.Sigungu)))
            .Select(e => e.Legal)
            .ToList();
        return new NamedArea(text, sido, sigungu ?? admin[0].Sigungu, name, admin, legalInside,
            GeoPoint.Centroid([.. admin.Select(a => a.Point)]));
    }

    /// <summary>Whether a shop is in a named area: by its address first, by its position when the address does not say.</summary>
    public Membership Contains(NamedArea area, RawShop shop)
    {
        var place = shop.Place;
        if (place.Sido is not null && place.Sido != area.Sido)
        {
            return Membership.Out;
        }
        var areaDistricts = area.AdminAreas.Select(a => a.Sigungu).Where(s => s is not null).Append(area.Sigungu).OfType<string>().ToHashSet();
        if (place.Sigungu is not null && areaDistricts.Count > 0 && !areaDistricts.Contains(place.Sigungu))
        {
            return Membership.Out;
        }
        if (area.IsSigungu)
        {
            return place.Sigungu is not null ? Membership.In : ByPosition(area, shop);
        }

        var named = area.Name!;
        if (named.Level == AreaLevel.Ri)
        {
            return place.Ri is null ? Membership.Unknown : place.Ri.SameBase(named) ? Membership.In : Membership.Out;
        }
        if (place.Emd is not { } emd)
        {
            return ByPosition(area, shop);
        }
        if (named.Level == AreaLevel.EupMyeon || emd.Level == AreaLevel.EupMyeon)
        {
            return emd.SameBase(named) && emd.Level == named.Level ? Membership.In : Membership.Out;
        }
        switch (emd.IsWithin(named))
        {
            case true:
                return Membership.In;
            case null:
                // The address has the 동 without its number (대명동 for 대명2동): its position decides.
                return ByPosition(area, shop);
        }
        if (area.LegalNames.Any(legal => DongName.Parse(legal) is { } l && emd.IsWithin(l) == true))
        {
            return Membership.In;
        }
        var sido = place.Sido ?? area.Sido;
        if (AdminAreasOf(sido, place.Sigungu, emd).Any(a => area.AdminAreas.Contains(a)))
        {
            return Membership.In;
        }
        return NearArea(area, shop) ? Membership.Unknown : Membership.Out;
    }

    private Membership ByPosition(NamedArea area, RawShop shop)
    {
        // A position taken from an address without a 읍면동 is only its 시군구's point: it says nothing about the 동.
        if (shop.Position is not { } position || area.AdminAreas.Count == 0 || (shop.PositionFromAddress && !area.IsSigungu))
        {
            return Membership.Unknown;
        }
        if (area.IsSigungu)
        {
            var nearestAny = gazetteer.NearestEmd(position);
            return nearestAny.Sido == area.Sido && nearestAny.Sigungu == area.Sigungu ? Membership.In : Membership.Out;
        }
        var nearest = gazetteer.NearestEmd(position, area.Sido, shop.Place.Sigungu);
        if (area.AdminAreas.Contains(nearest))
        {
            return Membership.In;
        }
        return NearArea(area, shop) ? Membership.Unknown : Membership.Out;
    }

    private static bool NearArea(NamedArea area, RawShop shop) =>
        shop.Position is { } position && area.AdminAreas.Count > 0
        && area.AdminAreas.Min(a => a.Point.MetersTo(position)) <= DongDoubtMeters;
}

public sealed record LegalDong(string Sido, string Sigungu, string Legal, IReadOnlyList<string> Admin);

internal sealed record LegalDongFile(IReadOnlyList<LegalDong> Entries);
