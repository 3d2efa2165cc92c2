using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Naviyam.Hosting;
using Naviyam.Nlu.Model;

namespace Naviyam.Nlu.Tests;

public class RegistrationTests
{
    [Fact]
    public void AddLearnedNlu_replaces_the_rule_engine_with_the_committed_model()
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddLogging();
        services.AddNaviyamGrainServices(new ConfigurationBuilder().Build());
        services.AddNaviyamInMemoryStores();
        services.AddLearnedNlu();
        using var provider = services.BuildServiceProvider();

        var engine = provider.GetRequiredService<INluEngine>();
        engine.Should().BeOfType<LearnedNluEngine>();
        engine.ModelVersion.Should().Be(provider.GetRequiredService<IntentModel>().Version).And.StartWith("fasttext-");
        provider.GetRequiredService<CachedNlu>().ModelVersion.Should().Be(engine.ModelVersion);
    }

    [Fact]
    public void AddLearnedNlu_keeps_the_rule_engine_when_the_model_file_is_missing()
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddLogging();
        services.AddNaviyamGrainServices(new ConfigurationBuilder().Build());
        services.AddNaviyamInMemoryStores();
        services.AddLearnedNlu(Path.Combine(Path.GetTempPath(), "no-such-model.onnx"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<INluEngine>().Should().BeOfType<RuleBasedNluEngine>();
    }
}
