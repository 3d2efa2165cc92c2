using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Naviyam.Retention;

namespace Naviyam.IntegrationTests.Retention;

/// <summary>The retention options as the silo binds and validates them at start.</summary>
public class RetentionOptionsTests
{
    private static RetentionOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"{RetentionOptions.Section}:{s.Key}", s.Value)))
            .Build();
        using var services = new ServiceCollection().AddNaviyamRetention(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<RetentionOptions>>().Value;
    }

    [Fact]
    public void The_defaults_are_the_spec_s_policy()
    {
        var options = Bind();
        (options.ConversationDays, options.LogDays, options.CacheDays, options.ContextDays).Should().Be((365, 90, 30, 7));
        options.BatchSize.Should().Be(1_000);
    }

    [Theory]
    [InlineData("ContextDays", "400", "ContextDays (400) must be shorter than ConversationDays (365)")]
    [InlineData("BatchSize", "0", "BatchSize")]
    [InlineData("BatchSize", "100000", "BatchSize")]
    [InlineData("LogDays", "0", "LogDays")]
    [InlineData("Period", "00:00:00", "Period")]
    public void Settings_that_would_delete_wrongly_are_refused_naming_the_key(string key, string value, string message)
    {
        var refuse = () => Bind((key, value));
        refuse.Should().Throw<OptionsValidationException>().WithMessage($"*{message}*");
    }
}
