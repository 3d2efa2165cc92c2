namespace Naviyam.IntegrationTests.Infrastructure;

/// <summary>
/// The same gateway and co-hosted silo in MySQL mode, on a fresh database of the test MariaDB: Orleans clustering,
/// grain storage and reminders on ADO.NET, shops, cards and turns in the spec's tables.
/// </summary>
public class MySqlGatewayFactory : GatewayFactory
{
    private readonly bool ownsDatabase;

    public MySqlGatewayFactory(DateTime seoulLocalNow, IDictionary<string, string?> settings)
        : this(seoulLocalNow, settings, TestDatabase.CreateAsync().GetAwaiter().GetResult(), ownsDatabase: true)
    {
    }

    /// <summary>A host on a database the test owns, e.g. to restart the silo over the same rows.</summary>
    public MySqlGatewayFactory(DateTime seoulLocalNow, IDictionary<string, string?> settings, TestDatabase database, bool ownsDatabase = false)
        : base(seoulLocalNow, WithMySql(settings, database))
    {
        Database = database;
        this.ownsDatabase = ownsDatabase;
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
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
