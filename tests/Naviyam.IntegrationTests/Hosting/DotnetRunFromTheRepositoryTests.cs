using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Hosting;

/// <summary>
/// The README's "Serving a real city" commands as a new user types them, from the repository root: a relative path on
/// the command line of <c>dotnet run</c> means the folder the command was run in, not the project's folder.
/// </summary>
public class DotnetRunFromTheRepositoryTests
{
    private const string JejuMenus = "../shared/data/real/jeju/jeju_mealcard_shops_menus.csv";
    private const string JejuRestricted = "../shared/data/real/jeju/jeju_mealcard_shops_restricted.csv";

    /// <summary>The configuration these tests were built in: <c>dotnet run --no-build</c> runs that build.</summary>
    private static string Configuration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    [Fact]
    public async Task The_gateway_serves_a_list_named_by_a_path_relative_to_where_dotnet_run_was_typed()
    {
        SharedData.File("real", "jeju", "jeju_mealcard_shops_menus.csv");
        var port = Loopback.FreePort();
        using var gateway = Start(
            "run", "--project", "src/Gateway", "--no-build", "-c", Configuration, "--",
            $"--Naviyam:Import:0=jeju:{JejuMenus}",
            $"--Urls=http://127.0.0.1:{port}",
            $"--Naviyam:Silo:SiloPort={Loopback.FreePort()}",
            $"--Naviyam:Silo:GatewayPort={Loopback.FreePort()}");
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var health = await gateway.WaitForHealthAsync(client, "/health", TimeSpan.FromMinutes(4));

            health.GetProperty("entries").GetProperty("merchant-sources").GetProperty("data").EnumerateObject()
                .Select(p => (p.Name, p.Value.GetInt32()))
                .Should().BeEquivalentTo([("generated", 0), ("jeju", 1_964)]);
            // The gateway's own files still come from its folder: the chat page is served.
            (await client.GetAsync("/")).IsSuccessStatusCode.Should().BeTrue(gateway.Output);
        }
        finally
        {
            await gateway.StopAsync();
        }
    }

    [Fact]
    public async Task The_import_command_reads_a_path_relative_to_where_dotnet_run_was_typed()
    {
        SharedData.File("real", "jeju", "jeju_mealcard_shops_restricted.csv");
        using var command = Start("run", "--project", "src/Silo", "--no-build", "-c", Configuration, "--", "import", "jeju", JejuRestricted);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        await command.Process.WaitForExitAsync(timeout.Token);

        command.Process.ExitCode.Should().Be(0, command.Output);
        command.Output.Should().Contain("43 shops; 0 rows rejected")
            .And.Contain("one shop once: 6 rows merged by id")
            .And.Contain("0 coordinates outside the address's 시군구");
    }

    private static HostProcess Start(params string[] arguments) =>
        HostProcess.StartDotnet(SharedData.RepositoryRoot, arguments, environment =>
        {
            environment["Logging__LogLevel__Default"] = "Warning";
            environment["Logging__LogLevel__Naviyam"] = "Information";
        });
}
