using Naviyam.Catalog;
using Naviyam.Shops;

namespace Naviyam.Shops;

/// <summary>
/// One shop's write path. Reads go to the silo-local catalog; an update is stored first and then
/// published, so no silo ever serves a shop version that the database does not have.
/// </summary>
public sealed class ShopGrain(IShopRepository repository, ICatalogPublisher publisher) : Grain, IShopGrain
{
    private ShopRecord? shop;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        shop = await repository.GetAsync(this.GetPrimaryKeyString(), cancellationToken);
    }

    Task<ShopRecord?> IShopGrain.GetAsync() => Task.FromResult(shop);

    async Task<ShopRecord> IShopGrain.UpdateAsync(ShopRecord update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.Id != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Shop id {update.Id} does not match grain {this.GetPrimaryKeyString()}.", nameof(update));
        }
        var stored = await repository.UpsertAsync([update]);
        shop = stored[0];
        await publisher.PublishAsync([shop]);
        return shop;
    }
}
