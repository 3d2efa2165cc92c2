using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Naviyam.Hosting;
using Naviyam.Retrieval;

namespace Naviyam.UnitTests.Hosting;

/// <summary>The recommendation options as the hosts bind them (<c>AddNaviyamGrainServices</c>), from the real appsettings files.</summary>
public class RecommendationOptionsTests
{
    [Theory]
    [InlineData("src/Gateway/appsettings.json")]
    [InlineData("src/Silo/appsettings.json")]
    public void The_served_options_are_the_ones_appsettings_names(string file)
    {
        var path = Path.Combine(RepositoryRoot(), file);
        var options = Bind(new ConfigurationBuilder().AddJsonFile(path, optional: false).Build());

        // Configuration replaces the default radii; it does not add to them.
        options.SearchRadiiMeters.Should().Equal(1_000, 3_000, 10_000);
        options.MaxResults.Should().Be(3);
        options.MaxCandidates.Should().Be(200);
    }

    [Fact]
    public void Configured_radii_replace_the_defaults()
    {
        var options = Bind(Configuration(("Naviyam:Recommendations:SearchRadiiMeters:0", "500"), ("Naviyam:Recommendations:SearchRadiiMeters:1", "2000")));

        options.SearchRadiiMeters.Should().Equal(500, 2_000);
    }

    [Fact]
    public void The_default_radii_apply_when_configuration_names_none()
    {
        var options = Bind(Configuration());

        options.SearchRadiiMeters.Should().Equal(RecommendationOptions.DefaultSearchRadiiMeters);
        options.SearchRadiiMeters.Should().Equal(1_000, 3_000, 10_000);
    }

    [Theory]
    [InlineData("3000", "1000")]
    [InlineData("0", "1000")]
    [InlineData("1000", "1000")]
    public void Radii_that_are_not_positive_and_increasing_are_refused(string first, string second)
    {
        var bind = () => Bind(Configuration(("Naviyam:Recommendations:SearchRadiiMeters:0", first), ("Naviyam:Recommendations:SearchRadiiMeters:1", second)));

        bind.Should().Throw<OptionsValidationException>().WithMessage("*SearchRadiiMeters*");
    }

    [Fact]
    public void A_reply_naming_no_shop_is_refused()
    {
        var bind = () => Bind(Configuration(("Naviyam:Recommendations:MaxResults", "0")));

        bind.Should().Throw<OptionsValidationException>().WithMessage("*MaxResults*");
    }

    private static RecommendationOptions Bind(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddNaviyamGrainServices(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<RecommendationOptions>>().Value;
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Naviyam.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException("Naviyam.sln was not found above the test binaries.");
    }
}
