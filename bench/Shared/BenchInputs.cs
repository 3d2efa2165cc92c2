using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Naviyam.Lexicons;

namespace Naviyam.Bench;

/// <summary>The inputs every benchmark shares, so micro and load figures describe the same work.</summary>
public static class BenchInputs
{
    /// <summary>The product clock during every run: a Wednesday lunch time in Seoul, when most shops are open.</summary>
    public const string PinnedLocalTime = "2025-09-03T12:00";

    public static DateTimeOffset SeoulNoon { get; } = new(2025, 9, 3, 12, 0, 0, TimeSpan.FromHours(9));

    public const int Seed = 20_250_903;

    /// <summary>The spec's example turn, used beside the corpus.</summary>
    public const string SpecExample = "배고픈데 5천원밖에 없어";

    /// <summary>
    /// The held-out NLU test corpus (data/nlu/test.jsonl), the way children write. <paramref name="foodSeekingOnly"/>
    /// drops general chat, so every turn runs retrieval and ranking (the expensive path).
    /// </summary>
    public static IReadOnlyList<string> Messages(bool foodSeekingOnly)
    {
        var path = Path.Combine(new DataPaths().Root, "nlu", "test.jsonl");
        var messages = new List<string> { SpecExample };
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            var intent = json.RootElement.GetProperty("intent").GetString();
            if (foodSeekingOnly && intent == "general_chat")
            {
                continue;
            }
            messages.Add(json.RootElement.GetProperty("text").GetString()!);
        }
        return messages;
    }

    /// <summary>
    /// Settings for a co-hosted silo that stays out of anyone else's way: free loopback ports, its own cluster id,
    /// the pinned clock, quiet logs, and a generated city of <paramref name="shops"/> shops.
    /// </summary>
    public static Dictionary<string, string?> SiloSettings(int shops, int users)
    {
        var invariant = CultureInfo.InvariantCulture;
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Naviyam:Silo:SiloPort"] = FreePort().ToString(invariant),
            ["Naviyam:Silo:GatewayPort"] = FreePort().ToString(invariant),
            ["Naviyam:Silo:ClusterId"] = "bench-" + Guid.NewGuid().ToString("N")[..8],
            ["Naviyam:Data:GenerateShops"] = shops.ToString(invariant),
            ["Naviyam:Data:GenerateUsers"] = users.ToString(invariant),
            ["Naviyam:Data:Seed"] = Seed.ToString(invariant),
            ["Naviyam:Clock:PinnedLocalTime"] = PinnedLocalTime,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Warning",
            ["Logging:LogLevel:Naviyam"] = "Warning",
        };
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
