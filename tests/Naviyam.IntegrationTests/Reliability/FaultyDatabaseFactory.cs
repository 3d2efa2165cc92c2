using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Reliability;

/// <summary>
/// A MySQL-mode gateway (co-hosted silo) whose every database connection goes through a <see cref="TcpFaultProxy"/>,
/// so a test can stop or freeze "the database" under it and heal it again. The test's own checks of the rows use
/// <see cref="Database"/> directly, around the proxy.
/// </summary>
public sealed class FaultyDatabaseFactory : GatewayFactory
{
    private FaultyDatabaseFactory(TestDatabase database, TcpFaultProxy proxy, IDictionary<string, string?> settings)
        : base(new DateTime(2025, 9, 3, 12, 0, 0), settings)
    {
        Database = database;
        Proxy = proxy;
    }

    public TestDatabase Database { get; }

    public TcpFaultProxy Proxy { get; }

    public static async Task<FaultyDatabaseFactory> CreateAsync(IDictionary<string, string?> settings)
    {
        var database = await TestDatabase.CreateAsync();
        var proxy = TcpFaultProxy.For(database.ConnectionString);
        var routed = MySqlGatewayFactory.WithMySql(settings, database);
        routed["ConnectionStrings:Naviyam"] = proxy.Route(database.ConnectionString);
        return new FaultyDatabaseFactory(database, proxy, routed);
    }

    public override async ValueTask DisposeAsync()
    {
        Proxy.Resume();
        await base.DisposeAsync();
        await Proxy.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
