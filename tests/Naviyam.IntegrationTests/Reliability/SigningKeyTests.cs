using System.Diagnostics;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Reliability;

/// <summary>A production gateway without a usable signing key refuses to start, saying why, instead of answering 500s.</summary>
public class SigningKeyTests
{
    [Theory]
    [InlineData(null, "Naviyam:Auth:SigningKey is required outside Development")]
    [InlineData("", "Naviyam:Auth:SigningKey is required outside Development")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==", "Naviyam:Auth:SigningKey is 16 bytes; HMAC-SHA256 needs at least 32")]
    [InlineData("not base64 at all!", "Naviyam:Auth:SigningKey is not base64")]
    public async Task Production_without_a_usable_key_does_not_start(string? key, string reason)
    {
        await using var factory = new ProductionGatewayFactory(new Dictionary<string, string?> { ["Naviyam:Auth:SigningKey"] = key });

        var start = () => factory.BaseAddress;

        start.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().Which.Message.Should().Contain(reason);
    }

    [Fact]
    public async Task The_gateway_process_exits_with_the_reason_when_production_has_no_key()
    {
        var gateway = Path.Combine(AppContext.BaseDirectory, "Naviyam.Gateway.dll");
        var start = new ProcessStartInfo("dotnet", [gateway, $"--Urls=http://127.0.0.1:{Loopback.FreePort()}",
            $"--Naviyam:Silo:SiloPort={Loopback.FreePort()}", $"--Naviyam:Silo:GatewayPort={Loopback.FreePort()}", "--Naviyam:Data:GenerateShops=0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment.Remove("Naviyam__Auth__SigningKey");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.ExitCode.Should().NotBe(0);
        (await output + await errors).Should().Contain("Naviyam:Auth:SigningKey is required outside Development");
    }
}
