using System.Text.Json.Nodes;

namespace Naviyam.Gateway.OpenApi;

/// <summary>An example body for each request, by "METHOD /route" as the API explorer names it; the same ones as <c>Naviyam.http</c>.</summary>
public static class RequestExamples
{
    private static readonly Dictionary<string, string> Examples = new(StringComparer.Ordinal)
    {
        ["POST /api/chat"] = """{"sessionId":"web-1","text":"배고픈데 5천원밖에 없어","turnId":"t1","location":{"lat":37.4842,"lng":126.9297},"userAge":12}""",
        ["POST /api/nlu"] = """{"text":"신림동에서 만원으로 떡볶이"}""",
        ["POST /api/echo"] = """{"sessionId":"web-1","text":"안녕"}""",
        ["POST /api/auth/dev-token"] = """{"userId":"demo-1"}""",
        ["POST /api/me/orders"] = """{"orderKey":"order-2025-09-03-1","shopId":"generated:42","menuName":"떡볶이","quantity":1,"unitPrice":4000,"walletCouponId":7}""",
        ["POST /v1/chat/completions"] = """{"model":"naviyam","messages":[{"role":"user","content":"배고픈데 5천원밖에 없어"}],"stream":false}""",
    };

    public static JsonNode? For(string route) => Examples.TryGetValue(route, out var json) ? JsonNode.Parse(json) : null;

    public static IEnumerable<string> Routes => Examples.Keys;
}
