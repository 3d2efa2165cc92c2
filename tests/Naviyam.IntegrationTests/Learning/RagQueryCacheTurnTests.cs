using Microsoft.Extensions.DependencyInjection;
using Naviyam.Embeddings;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Learning;

/// <summary>
/// The query cache of hybrid retrieval on full turns in MySQL mode: a free wish's turn writes its <c>rag_query_cache</c>
/// row; the same wish again is answered from the silo's memory (L1); and a second silo started over the same database,
/// with its memory empty, answers it from the row (L3), counted on the row and in its hit counter.
/// </summary>
public sealed class RagQueryCacheTurnTests : IAsyncLifetime
{
    private const string Wish = "비 오는 날 먹기 좋은 거";
    private static readonly DateTime Noon = new(2025, 9, 3, 12, 0, 0);
    private static readonly Dictionary<string, string?> City = new()
    {
        ["Naviyam:Data:GenerateShops"] = "400",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task A_free_wish_writes_its_row_and_the_same_wish_is_a_cache_hit_in_memory_and_from_the_table()
    {
        WireReply first, again, third;
        long l1Hits;
        await using (var silo = new MySqlGatewayFactory(Noon, City, database))
        {
            using var client = await silo.ClientForAsync("wish-1");
            var cache = silo.Services.GetRequiredService<QueryResultCache>();
            // The catalog's vectors are built in the background after start; until then turns stay lexical.
            await silo.Services.GetRequiredService<CatalogVectorIndex>().SnapshotAsync();
            var misses = cache.Counters.Misses;

            first = await client.ChatAsync("wish-1", "wish-a", Wish, turnId: "t1");
            first.Recommendations.Should().NotBeEmpty(first.Reply);
            cache.Counters.Misses.Should().Be(misses + 1, "the first wish is computed");
            (await database.CountAsync("SELECT COUNT(*) FROM rag_query_cache WHERE original_query LIKE '%비 오는 날%' AND expires_at > UTC_TIMESTAMP(6) - INTERVAL 1 DAY"))
                .Should().Be(1, "the turn wrote its row");

            var l1 = cache.Counters.L1Hits;
            again = await client.ChatAsync("wish-1", "wish-b", Wish, turnId: "t1");
            l1Hits = cache.Counters.L1Hits - l1;
            cache.Counters.Misses.Should().Be(misses + 1, "the same wish is not computed again");
        }
        l1Hits.Should().Be(1, "the same wish in another session is answered from this silo's memory");
        again.Recommendations.Select(r => r.ShopId).Should().Equal(first.Recommendations.Select(r => r.ShopId));

        await using (var restarted = new MySqlGatewayFactory(Noon, City, database))
        {
            // The same user: the ranking arm goes by the user, and the answer should be the first one's.
            using var client = await restarted.ClientForAsync("wish-1");
            var cache = restarted.Services.GetRequiredService<QueryResultCache>();
            await restarted.Services.GetRequiredService<CatalogVectorIndex>().SnapshotAsync();

            third = await client.ChatAsync("wish-1", "wish-c", Wish, turnId: "t1");

            cache.Counters.L3Hits.Should().Be(1, "a silo with an empty memory reads the row back");
            cache.Counters.Misses.Should().Be(0);
        }
        third.Recommendations.Select(r => r.ShopId).Should().Equal(first.Recommendations.Select(r => r.ShopId));
        (await database.CountAsync("SELECT cache_hit_count FROM rag_query_cache WHERE original_query LIKE '%비 오는 날%'")).Should().Be(1);
    }
}
