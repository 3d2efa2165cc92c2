using Naviyam.Places;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>
/// One run of merchant imports — the lists configured at start, or one <c>import</c> command: each list is read
/// (<see cref="MerchantImport.ReadFile"/>, rows with one id merged), its shops are located against their addresses
/// (<see cref="ShopLocator"/>), and every shop is merged into one across the lists of the run and the shops already
/// stored (<see cref="ShopDeduplicator"/>). Lists are imported in the order given; each result carries its counts.
/// </summary>
public sealed class ImportRun
{
    private readonly CategoryMap map;
    private readonly MenuKindClassifier menuKinds;
    private readonly ShopLocator locator;
    private readonly ShopDeduplicator deduplicator;

    public ImportRun(CategoryMap map, MenuKindClassifier menuKinds, AdminAreas areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        this.map = map ?? throw new ArgumentNullException(nameof(map));
        this.menuKinds = menuKinds ?? throw new ArgumentNullException(nameof(menuKinds));
        locator = new ShopLocator(areas);
        deduplicator = new ShopDeduplicator(word => areas.FindSido(word) is >= 0 and var id ? areas[id].Sido : null);
    }

    /// <summary>The shops already stored, so that a list repeating one under another id merges into it.</summary>
    public void Know(IEnumerable<ShopRecord> stored) => deduplicator.Know(stored);

    /// <inheritdoc cref="MerchantImport.ReadFile"/>
    public ImportResult Import(ImportSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var read = MerchantImport.ReadFile(spec.Kind, spec.Path, map, menuKinds);
        return Add(read);
    }

    /// <summary>Locates and merges shops read some other way (a generated city, a test's rows).</summary>
    public ImportResult Add(ImportResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var (located, locations) = locator.Locate(read.Shops);
        var (shops, mergedById, mergedByNameAndAddress) = deduplicator.Add(located);
        return read with
        {
            Shops = shops,
            Locations = read.Locations + locations,
            MergedById = read.MergedById + mergedById,
            MergedByNameAndAddress = read.MergedByNameAndAddress + mergedByNameAndAddress,
        };
    }
}
