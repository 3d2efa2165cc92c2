using Naviyam.Eval.Places;

namespace Naviyam.Eval.Raw;

/// <summary>
/// One menu line as the raw file states it. A range ("8,000~10,000") keeps both ends: the low end is a price the
/// product may quote, the high end is what the child may have to pay.
/// </summary>
public sealed record RawMenu(string Name, int? Low, int? High)
{
    public bool HasPrice => High is not null;
}

/// <summary>
/// One merchant as the eval reads it from a raw file, with every id the product may know it by. Rows the file repeats
/// under the same id are one shop (their menus are kept side by side, so any price a row states is a raw price).
/// </summary>
public sealed record RawShop
{
    public required string Dataset { get; init; }

    /// <summary>The product's ids for this shop (<c>source:sourceId</c>, see the README); the first is shown in reports.</summary>
    public required IReadOnlyList<string> Ids { get; init; }

    public required string Name { get; init; }
    public string? Address { get; init; }
    public AddressParts Place { get; init; } = AddressParts.Empty;

    /// <summary>The coordinates as the file gives them (null when missing or outside Korea).</summary>
    public GeoPoint? FilePoint { get; init; }

    /// <summary>
    /// Where the eval believes the shop is: the file's coordinates when they agree with the address's 시군구, otherwise
    /// the point of the address's 동 (or 시군구); null when neither is known.
    /// </summary>
    public GeoPoint? Position { get; init; }

    public bool PositionFromAddress { get; init; }

    /// <summary>The category as the file writes it (Jeju "분식, 김밥", Daegu codes "12+13", Seoul 업종명).</summary>
    public string Category { get; init; } = "";

    public IReadOnlyList<RawMenu> Menus { get; init; } = [];

    /// <summary>The file itself marks the shop not for children (Jeju isNotGoodForChild / restricted list, generated flag).</summary>
    public bool FlaggedNotForChildren { get; init; }

    /// <summary>False for rows the file marks as not selling food (Jeju isFoodSelling=False: banks, EV chargers).</summary>
    public bool SellsFood { get; init; } = true;

    /// <summary>The file says the meal card is not accepted here (generated mealCard "No").</summary>
    public bool RefusesMealCard { get; init; }

    public OpeningHours? Hours { get; init; }

    /// <summary>Where the row came from, for reports ("jeju_mealcard_shops_menus.csv:12").</summary>
    public string Origin { get; init; } = "";

    public string Id => Ids[0];

    public override string ToString() => $"{Name} ({Id})";
}
