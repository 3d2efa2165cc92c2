using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Naviyam.Gateway.Auth;
using Naviyam.Hosting.Auth;
using Naviyam.Time;

namespace Naviyam.IntegrationTests.Infrastructure;

/// <summary>
/// The real gateway on Kestrel (loopback, a free port) co-hosting a real silo, with a fake product clock
/// the test sets. Each instance gets its own silo ports, so several can run at once.
/// </summary>
public class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public GatewayFactory(DateTime seoulLocalNow, IDictionary<string, string?> settings)
    {
        Clock = new SettableTimeProvider(SeoulClock.FromSeoulLocal(seoulLocalNow));
        this.settings = new Dictionary<string, string?>(settings)
        {
            ["Naviyam:Silo:SiloPort"] = Loopback.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Naviyam:Silo:GatewayPort"] = Loopback.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        this.settings.TryAdd("Naviyam:Silo:ClusterId", "test-" + Guid.NewGuid().ToString("N")[..8]);
        this.settings.TryAdd("Naviyam:Data:GenerateShops", "0");
        this.settings.TryAdd("Naviyam:Data:GenerateUsers", "0");
        // Tests drive one user far faster than a child types; the limit tests set their own.
        this.settings.TryAdd("Naviyam:Limits:UserRequestsPerMinute", "1000000");
        this.settings.TryAdd("Naviyam:Limits:Burst", "1000000");
        UseKestrel(0);
    }

    public SettableTimeProvider Clock { get; }

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    public void SetSeoulTime(DateTime seoulLocalNow) => Clock.UtcNow = SeoulClock.FromSeoulLocal(seoulLocalNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton(new SeoulClock(Clock)));
    }

    /// <summary>An HTTP client already signed in as <paramref name="userId"/> through the development token endpoint.</summary>
    public async Task<HttpClient> ClientForAsync(string userId)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForAsync(userId));
        return client;
    }

    public async Task<string> TokenForAsync(string userId)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var response = await client.PostAsJsonAsync("/api/auth/dev-token", new { userId });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.Token;
    }

    public async Task<HubConnection> HubForAsync(string userId)
    {
        var token = await TokenForAsync(userId);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/chat"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>A token with the operator role, signed with the gateway's key (no endpoint issues one).</summary>
    public string OperatorToken()
    {
        var auth = Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var key = Services.GetRequiredService<TokenService>().SigningKey;
        var now = DateTime.UtcNow;
        var token = new JwtSecurityToken(auth.Issuer, auth.Audience, [new Claim("sub", "operator-1"), new Claim("role", "operator")],
            now, now.AddMinutes(10), new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    private sealed record TokenResponse(string Token);
}

/// <summary>
/// The product clock of a test: set to any moment, forwards or backwards (scenarios jump between 15:00 and 03:00).
/// Only the product's "now" uses it; Orleans keeps the real clock.
/// </summary>
public sealed class SettableTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset UtcNow { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => UtcNow;
}
