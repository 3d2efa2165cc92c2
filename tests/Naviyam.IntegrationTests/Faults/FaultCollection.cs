namespace Naviyam.IntegrationTests.Faults;

/// <summary>
/// The fault tests run one after another: each starts several silo processes or breaks a database under load, and
/// what they measure (recovery times) means little while another one does the same beside it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection
{
    public const string Name = "Faults";
}
