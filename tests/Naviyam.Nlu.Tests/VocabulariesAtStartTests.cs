using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Naviyam.Hosting;
using Naviyam.Lexicons;

namespace Naviyam.Nlu.Tests;

/// <summary>Every vocabulary is read when the host starts, so a broken file stops the start and names itself.</summary>
public sealed class VocabulariesAtStartTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("naviyam-data-").FullName;

    public VocabulariesAtStartTests() => CopyDirectory(new DataPaths().Root, root);

    [Fact]
    public async Task The_shipped_vocabularies_all_load_at_start()
    {
        await FluentActions.Awaiting(StartingAsync).Should().NotThrowAsync();
    }

    [Fact]
    public async Task A_malformed_vocabulary_stops_the_start_with_its_file_name()
    {
        await File.WriteAllTextAsync(Path.Combine(root, "lexicons", "refusals.json"), "{ \"version\": 1, \"alcohol\": [");

        (await FluentActions.Awaiting(StartingAsync).Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("refusals.json");
    }

    private async Task StartingAsync()
    {
        var services = new ServiceCollection();
        services.AddNaviyamGrainServices(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{DataPaths.Section}:Root"] = root })
            .Build());
        services.AddNaviyamInMemoryStores();
        await using var provider = services.BuildServiceProvider();
        var atStart = provider.GetServices<IHostedService>().OfType<VocabulariesAtStart>().Should().ContainSingle().Subject;
        await atStart.StartAsync(CancellationToken.None);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
