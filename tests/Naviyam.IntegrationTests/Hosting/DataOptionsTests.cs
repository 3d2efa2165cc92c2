using Microsoft.Extensions.Configuration;
using Naviyam.Hosting;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Hosting;

/// <summary>The generation contract: unset means "a city when nothing is imported, none when something is".</summary>
public class DataOptionsTests
{
    [Theory]
    [InlineData(null, false, DataOptions.DefaultShops)]
    [InlineData(null, true, 0)]
    [InlineData(0, false, 0)]
    [InlineData(500, true, 500)]
    [InlineData(3000, false, 3000)]
    public void Generation_follows_the_configured_count_or_whether_a_list_is_imported(int? configured, bool imports, int expected)
    {
        new DataOptions { GenerateShops = configured }.ShopsToGenerate(imports).Should().Be(expected);
    }

    [Theory]
    [InlineData("src/Gateway/appsettings.json")]
    [InlineData("src/Silo/appsettings.json")]
    public void The_shipped_settings_leave_the_shop_count_unset(string file)
    {
        // A count written here would serve the synthetic city beside every real list again.
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(SharedData.RepositoryRoot, file), optional: false).Build();

        configuration.GetSection(DataOptions.Section).Get<DataOptions>()!.GenerateShops.Should().BeNull();
    }
}
