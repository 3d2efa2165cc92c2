using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>
/// Imports the Seoul 꿈나무카드 merchant export (가맹점명, 업종명, 전화, 가맹점주소): no coordinates, hours or
/// menus. The export has no merchant id, so sourceId is <see cref="ImportParsing.StableId"/>(name, address):
/// the first 16 hex digits of SHA-256 over the whitespace-collapsed, upper-cased name and address. The same row
/// therefore gets the same id on every import; rows with the same name and address merge into one shop.
/// Categories: the name is tried first, then 업종명 (see <c>categories.json</c>, source "seoul"). Meal card Yes.
/// </summary>
public sealed class SeoulKkumnamuImporter(CategoryMap map)
{
    public const string Source = "seoul";

    public ImportResult ImportFile(string path)
    {
        using var reader = TextFileReader.OpenText(path);
        return Import(reader, path);
    }

    /// <exception cref="InvalidDataException">The header has no 가맹점명 column.</exception>
    public ImportResult Import(TextReader reader, string? origin = null)
    {
        var shops = new ShopAccumulator();
        CsvHeader? header = null;
        int name = -1, trade = -1, phone = -1, address = -1;

        foreach (var record in CsvReader.Parse(reader))
        {
            if (header is null)
            {
                header = new CsvHeader(record.Fields);
                name = header.IndexOf("가맹점명", "상호명");
                if (name < 0)
                {
                    throw new InvalidDataException(
                        $"{origin ?? "The input"} is not a Seoul merchant export: the header has no 가맹점명 column (found: {string.Join(", ", header.Names)}).");
                }
                trade = header.IndexOf("업종명", "업종");
                phone = header.IndexOf("전화", "전화번호");
                address = header.IndexOf("가맹점주소", "주소", "소재지");
                continue;
            }

            if (!header.IsShopRow(record, shops))
            {
                continue;
            }

            var shopName = ImportParsing.Clean(CsvHeader.Value(record, name));
            if (shopName is null)
            {
                shops.Reject(record.Line, "missing 가맹점명", record.Raw);
                continue;
            }

            var shopAddress = ImportParsing.Clean(CsvHeader.Value(record, address));
            var sourceCategory = ImportParsing.Clean(CsvHeader.Value(record, trade));
            var sourceId = ImportParsing.StableId(shopName, shopAddress);
            shops.Add(new ShopRecord
            {
                Id = ShopRecord.MakeId(Source, sourceId),
                Source = Source,
                SourceId = sourceId,
                Name = shopName,
                Category = map.Map(Source, sourceCategory, shopName),
                SourceCategory = sourceCategory,
                Address = shopAddress,
                Phone = ImportParsing.Clean(CsvHeader.Value(record, phone)),
                MealCard = MealCardAcceptance.Yes,
                NotForChildren = map.IsBarLike(sourceCategory, shopName),
            });
        }

        return shops.ToResult();
    }
}
