using System.Text;
using System.Text.Json;

namespace Naviyam.IntegrationTests.Reliability;

/// <summary>
/// The fuzz inputs: hostile REST requests (malformed and mistyped bodies, odd text, wrong methods, paths and content
/// types) and hostile hub messages, each a pure function of its <see cref="Random"/>, so a seed always gives the same input.
/// </summary>
public static class HostileInputs
{
    public static readonly string?[] Accepts = ["application/json", "text/html", "text/plain", "application/xml", "*/*", "application/problem+json", "image/png", null];

    public static HttpRequestMessage Request(Random random, int i)
    {
        var paths = new[] { "/api/chat", "/api/chat", "/api/chat", "/api/nlu", "/api/nlu", "/api/me/orders", "/api/me/card", "/api/me/coupons",
            $"/api/me/orders/{Uri.EscapeDataString(Text(random, 40))}", $"/api/me/orders/{Uri.EscapeDataString(Text(random, 10))}/cancel", "/api/auth/dev-token",
            "/api/%00", "/api/chat/../nlu", "/hubs/chat/negotiate", "/api/operator/orders/a/b/accept" };
        var path = paths[random.Next(paths.Length)];
        var method = random.Next(12) switch { 0 => HttpMethod.Get, 1 => HttpMethod.Put, 2 => HttpMethod.Delete, 3 => HttpMethod.Patch, _ => HttpMethod.Post };
        var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get)
        {
            var contentType = random.Next(8) switch { 0 => "text/plain", 1 => "application/xml", 2 => "application/x-www-form-urlencoded", 3 => "application/json; charset=latin1", _ => "application/json" };
            var body = Encoding.UTF8.GetBytes(Body(random, i));
            if (random.Next(15) == 0)
            {
                body = [.. body, .. Enumerable.Range(0, random.Next(1, 64)).Select(_ => (byte)random.Next(256))];
            }
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return request;
    }

    private static string Body(Random random, int i)
    {
        var valid = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["sessionId"] = random.Next(4) == 0 ? Text(random, 80) : $"fuzz-session-{random.Next(50)}",
            ["text"] = random.Next(3) == 0 ? Text(random, random.Next(1, 3000)) : Sample(random),
            ["turnId"] = random.Next(3) == 0 ? null : random.Next(5) == 0 ? Text(random, 70) : $"t-{i}",
            ["userAge"] = random.Next(4) == 0 ? random.Next(int.MinValue, int.MaxValue) : (object?)null,
            ["location"] = random.Next(4) == 0 ? new Dictionary<string, object> { ["lat"] = random.NextDouble() * 400 - 200, ["lng"] = random.NextDouble() * 400 - 200 } : null,
            ["orderKey"] = Text(random, 20),
            ["shopId"] = Text(random, 10),
            ["menuName"] = Text(random, 10),
            ["unitPrice"] = random.Next(int.MinValue, int.MaxValue),
            ["quantity"] = random.Next(-5, 1000),
            ["userId"] = random.Next(3) == 0 ? Text(random, 10) : null,
        });
        return random.Next(9) switch
        {
            0 => valid[..random.Next(valid.Length)],
            1 => valid.Replace("\"text\":", "\"text\":" + Wrong(random) + ",\"x\":", StringComparison.Ordinal),
            2 => valid.Replace("\"location\":", "\"location\":" + Wrong(random) + ",\"y\":", StringComparison.Ordinal),
            3 => Wrong(random),
            4 => new string('[', random.Next(1, 5000)) + new string(']', random.Next(0, 5000)),
            5 => "{\"text\":\"" + new string('가', random.Next(1, 20_000)) + "\",\"sessionId\":\"s\"}",
            6 => Text(random, random.Next(0, 500)),
            _ => valid,
        };
    }

    private static string Wrong(Random random) => random.Next(9) switch
    {
        0 => "1e999", 1 => "-0", 2 => "true", 3 => "null", 4 => "[]", 5 => "{}", 6 => "\"\\ud800\"", 7 => "NaN", _ => "99999999999999999999999999",
    };

    private static readonly string[] Samples = ["배고픈데 5천원밖에 없어", "2번으로 주문해 줘", "응", "주문 취소해 줘", "잔액 얼마야?", "맥주 마시고 싶어", "😭😭", "ㅋㅋㅋ",
        "떡볶이 말고 다른 거", "저녁 7시 신림동에서", "두 번째 거 가격", "\u202e\u200b\u0000", "'; DROP TABLE conversations; --", "<script>alert(1)</script>", "%s%n%x"];

    private static string Sample(Random random) => Samples[random.Next(Samples.Length)];

    /// <summary>Any UTF-16 units, lone surrogates and control characters included.</summary>
    private static string Text(Random random, int length)
    {
        var chars = new char[length];
        for (var k = 0; k < length; k++)
        {
            chars[k] = random.Next(4) switch
            {
                0 => (char)random.Next(0, 0x20),
                1 => (char)random.Next(0xAC00, 0xD7A4),
                2 => (char)random.Next(0xD800, 0xE000),
                _ => (char)random.Next(0x20, 0x7F),
            };
        }
        return new string(chars);
    }

    public static object? HubMessage(Random random) => random.Next(8) switch
    {
        0 => null,
        1 => new { sessionId = Text(random, 30), text = Text(random, 50) },
        2 => new { sessionId = "hub-fuzz", text = new string('가', random.Next(1, 5000)) },
        3 => new { sessionId = "hub-fuzz", text = Sample(random), location = new { lat = random.NextDouble() * 1000, lng = -1e300 } },
        4 => new { sessionId = "hub-fuzz", text = Sample(random), userAge = random.Next(int.MinValue, int.MaxValue) },
        5 => new { sessionId = "hub-fuzz", text = Sample(random), turnId = Text(random, 70) },
        6 => new { },
        _ => new { sessionId = $"hub-fuzz-{random.Next(3)}", text = Sample(random), turnId = random.Next(3) == 0 ? "same" : null },
    };
}
