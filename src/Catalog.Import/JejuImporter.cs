using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>
/// Imports the Jeju child-meal-card merchant lists (columns id, name, address, tel, category, latitude,
/// longitude, menu_info, isNotGoodForChild, isFoodSelling; the restricted file's last header is the typo
/// <c>isFoodSellingid</c>). Choices:
/// <list type="bullet">
/// <item>Columns are found by header name; repeated header rows inside the file are skipped and reported.</item>
/// <item>A repeated id merges into the first row with <c>ShopMerge</c> semantics (the later row wins, the
///   not-for-children flag is never cleared).</item>
/// <item><c>isNotGoodForChild=True</c>, a bar-like category/name (<see cref="CategoryMap.IsBarLike"/>) or a menu that is
///   mostly alcohol (<see cref="MenuKindClassifier.IsMostlyAlcohol"/>) marks the shop not-for-children.</item>
/// <item>Each row's menu is classified as a whole (<see cref="MenuKindClassifier"/>): every item gets a kind from its
///   name, its price next to the shop's other items and the shop's category.</item>
/// <item><c>isFoodSelling=False</c> rows (banks, EV chargers, pensions the map lookup matched by mistake) are
///   rejected, unless the row is not-for-children: such a row is kept so that its flag can never be lost in a
///   later merge. <see cref="KeepNonFoodSellers"/> keeps them all.</item>
/// <item>Empty or invalid coordinates give <c>Location = null</c> (the row is kept).</item>
/// <item>Every row is a meal-card merchant (<see cref="MealCardAcceptance.Yes"/>); hours are unknown (null).</item>
/// </list>
/// </summary>
public sealed class JejuImporter(CategoryMap map, MenuKindClassifier menuKinds)
{
    public const string Source = "jeju";

    /// <summary>Keep rows with <c>isFoodSelling=False</c> too (as category 기타 unless mapped otherwise).</summary>
    public bool KeepNonFoodSellers { get; init; }

    public ImportResult ImportFile(string path)
    {
        using var reader = TextFileReader.OpenText(path);
        return Import(reader, path);
    }

    /// <exception cref="InvalidDataException">The text has no header with the id and name columns.</exception>
    public ImportResult Import(TextReader reader, string? origin = null)
    {
        var shops = new ShopAccumulator();
        CsvHeader? header = null;
        int id = -1, name = -1, address = -1, tel = -1, category = -1, latitude = -1, longitude = -1, menu = -1, notGood = -1, foodSelling = -1;

        foreach (var record in CsvReader.Parse(reader))
        {
            if (header is null)
            {
                header = new CsvHeader(record.Fields);
                id = header.IndexOf("id");
                name = header.IndexOf("name");
                if (id < 0 || name < 0)
                {
                    throw new InvalidDataException(
                        $"{origin ?? "The input"} is not a Jeju merchant file: the header has no 'id' and 'name' columns (found: {string.Join(", ", header.Names)}).");
                }
                address = header.IndexOf("address");
                tel = header.IndexOf("tel", "phone");
                category = header.IndexOf("category");
                latitude = header.IndexOf("latitude", "lat");
                longitude = header.IndexOf("longitude", "lng", "lon");
                menu = header.IndexOf("menu_info", "menu");
                notGood = header.IndexOf("isNotGoodForChild");
                foodSelling = header.IndexOf("isFoodSelling", "isFoodSellingid");
                continue;
            }

            if (!header.IsShopRow(record, shops))
            {
                continue;
            }

            var sourceId = CsvHeader.Value(record, id);
            var shopName = ImportParsing.Clean(CsvHeader.Value(record, name));
            if (sourceId is null)
            {
                shops.Reject(record.Line, "missing id", record.Raw);
                continue;
            }
            if (shopName is null)
            {
                shops.Reject(record.Line, "missing name", record.Raw);
                continue;
            }

            var sourceCategory = ImportParsing.Clean(CsvHeader.Value(record, category));
            var items = MenuTextParser.ParseItems(CsvHeader.Value(record, menu));
            var foodCategory = map.Map(Source, sourceCategory, shopName, items.Select(item => item.Name));
            var menus = menuKinds.Classify(items, foodCategory);
            var mostlyAlcohol = menuKinds.IsMostlyAlcohol(menus);
            var notForChildren = ImportParsing.ParseBool(CsvHeader.Value(record, notGood)) == true
                                 || map.IsBarLike(sourceCategory, shopName)
                                 || mostlyAlcohol;
            var sellsFood = ImportParsing.ParseBool(CsvHeader.Value(record, foodSelling)) ?? true;
            if (!sellsFood && !notForChildren && !KeepNonFoodSellers)
            {
                shops.Reject(record.Line, $"not a food seller (isFoodSelling=False, category '{sourceCategory}')", record.Raw);
                continue;
            }

            var shopId = ShopRecord.MakeId(Source, sourceId);
            if (mostlyAlcohol)
            {
                shops.MarkMostlyAlcohol(shopId);
            }
            shops.Add(new ShopRecord
            {
                Id = shopId,
                Source = Source,
                SourceId = sourceId,
                Name = shopName,
                Category = foodCategory,
                SourceCategory = sourceCategory,
                Address = ImportParsing.Clean(CsvHeader.Value(record, address)),
                Phone = ImportParsing.Clean(CsvHeader.Value(record, tel)),
                Location = ImportParsing.ParseLocation(CsvHeader.Value(record, latitude), CsvHeader.Value(record, longitude)),
                MealCard = MealCardAcceptance.Yes,
                NotForChildren = notForChildren,
                Hours = null,
                Menus = menus,
            });
        }

        return shops.ToResult();
    }
}
