namespace Naviyam.IntegrationTests.Infrastructure;

/// <summary>
/// The same gateway and co-hosted silo in MySQL mode, on a fresh database of the test MariaDB: Orleans clustering,
/// grain storage and reminders on ADO.NET, shops, cards and turns in the spec's tables.
/// </summary>
public class MySqlGatewayFactory : GatewayFactory
{
    public MySqlGatewayFactory(DateTime seoulLocalNow, IDictionary<string, string?> settings)
        : this(seoulLocalNow, settings, TestDatabase.CreateAsync().GetAwaiter().GetResult())
    {
    }

    private MySqlGatewayFactory(DateTime seoulLocalNow, IDictionary<string, string?> settings, TestDatabase database)
        : base(seoulLocalNow, WithMySql(settings, database))
    {
        Database = database;
    }

    public TestDatabase Database { get; }

    public static Dictionary<string, string?> WithMySql(IDictionary<string, string?> settings, TestDatabase database) =>
        new(settings)
        {
            ["Naviyam:Storage:Mode"] = "MySql",
            ["ConnectionStrings:Naviyam"] = database.ConnectionString,
            ["Naviyam:Catalog:RefreshInterval"] = "00:00:00.200",
        };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
