using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Hosting;

/// <summary>
/// <c>docker/issue-token.sh</c>, the way an operator signs a user in outside Development: its tokens are accepted by a
/// gateway with the same key, carry the operator role only when asked, and mean nothing to a gateway with another key.
/// </summary>
public sealed class IssueTokenScriptTests : IDisposable
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly GatewayFactory gateway = new(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
    {
        ["Naviyam:Auth:SigningKey"] = Key,
        ["Naviyam:Data:GenerateShops"] = "50",
        ["Naviyam:Data:GenerateUsers"] = "2",
    });

    [Fact]
    public async Task A_token_from_the_script_signs_a_user_in_and_the_operator_role_is_given_only_when_asked()
    {
        using var user = Client(await IssueAsync(Key, "demo-1"));
        (await user.GetAsync("/api/me/card")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await user.GetAsync("/api/operator/alerts")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        using var operatorClient = Client(await IssueAsync(Key, "ops-1", "1", "operator"));
        (await operatorClient.GetAsync("/api/operator/alerts")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var forged = Client(await IssueAsync(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), "demo-1"));
        (await forged.GetAsync("/api/me/card")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "another key's token is no token");
    }

    [Fact]
    public async Task A_bad_user_id_is_refused_with_a_message_and_exit_code_2()
    {
        var (exit, _, error) = await RunAsync(Key, "bad id!");
        exit.Should().Be(2);
        error.Should().Contain("USER_ID");
    }

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> IssueAsync(string key, params string[] args)
    {
        var (exit, output, error) = await RunAsync(key, args);
        exit.Should().Be(0, error);
        return output.Trim();
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string key, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(SharedData.RepositoryRoot, "docker", "issue-token.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["NAVIYAM_SIGNING_KEY"] = key;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    public void Dispose() => gateway.Dispose();
}
