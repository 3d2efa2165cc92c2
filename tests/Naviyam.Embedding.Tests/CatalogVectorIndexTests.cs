using Naviyam.Catalog;
using Naviyam.Embeddings;
using Naviyam.Shops;

namespace Naviyam.Embedding.Tests;

public sealed class CatalogVectorIndexTests
{
    [Fact]
    public async Task Identical_menu_documents_share_a_row_and_every_shop_keeps_its_own()
    {
        var catalog = new ShopCatalog();
        catalog.Load([
            TestData.Shop("a", "해님분식", FoodCategory.Bunsik, "김밥", "떡볶이"),
            TestData.Shop("b", "달빛분식", FoodCategory.Bunsik, "김밥", "라면"),
            TestData.Shop("c", "행복식당", FoodCategory.Korean, "김밥"),
        ]);
        using var index = new CatalogVectorIndex(catalog, new OnnxEmbeddingGenerator(TestData.Encoder));

        var snapshot = await index.SnapshotAsync();

        // 3 shop documents + "김밥 분식", "떡볶이 분식", "라면 분식", "김밥 한식".
        snapshot.Documents.Should().HaveCount(7);
        snapshot.ShopCount.Should().Be(3);
        var query = (await new OnnxEmbeddingGenerator(TestData.Encoder).GenerateAsync(["라면"]))[0].Vector.ToArray();
        snapshot.TopShops(snapshot.QueryFor(query, "라면"), 1).Single().Should().Match<ShopMatch>(m => m.ShopId == "test:b" && m.Menu!.Name == "라면");
    }

    [Fact]
    public async Task A_shop_named_like_another_shops_menu_leaves_that_menu_a_similar_dish()
    {
        // The shop "김밥" (분식) has the document "김밥 분식", the same as shop b's menu 김밥: one row, both readings.
        var catalog = new ShopCatalog();
        catalog.Load([
            TestData.Shop("a", "김밥", FoodCategory.Bunsik, "라면"),
            TestData.Shop("b", "달빛분식", FoodCategory.Bunsik, "김밥"),
        ]);
        var generator = new OnnxEmbeddingGenerator(TestData.Encoder);
        using var index = new CatalogVectorIndex(catalog, generator);
        var snapshot = await index.SnapshotAsync();
        var query = (await generator.GenerateAsync(["김밥"]))[0].Vector.ToArray();

        var dishes = snapshot.NearestDishes(snapshot.QueryFor(query, "김밥"), 5);

        dishes.Select(d => d.MenuName).Should().BeEquivalentTo(["김밥", "라면"]);
    }

    [Fact]
    public async Task A_catalog_change_is_served_after_the_rebuild_and_the_old_snapshot_meanwhile()
    {
        var catalog = new ShopCatalog();
        catalog.Load([TestData.Shop("a", "해님분식", FoodCategory.Bunsik, "김밥")]);
        var generator = new OnnxEmbeddingGenerator(TestData.Encoder);
        using var index = new CatalogVectorIndex(catalog, generator);
        var first = await index.SnapshotAsync();

        catalog.Apply([TestData.Shop("z", "온기반점", FoodCategory.Chinese, "짬뽕")]);
        index.Version.Should().Be(first.Version + 1);
        (await index.SnapshotAsync()).Version.Should().BeOneOf(first.Version, first.Version + 1);

        var rebuilt = await index.BuildAsync();
        rebuilt.Version.Should().Be(first.Version + 1);
        rebuilt.Fingerprint.Should().NotBe(first.Fingerprint);
        var query = (await generator.GenerateAsync(["짬뽕"]))[0].Vector.ToArray();
        rebuilt.TopShops(rebuilt.QueryFor(query, "짬뽕"), 1).Single().ShopId.Should().Be("test:z");
        (await index.SnapshotAsync()).Should().BeSameAs(rebuilt);
    }

    [Fact]
    public async Task A_document_scores_the_hybrid_the_trainer_measured()
    {
        var catalog = new ShopCatalog();
        catalog.Load([
            TestData.Shop("a", "해님분식", FoodCategory.Bunsik, "김밥", "떡볶이", "라볶이"),
            TestData.Shop("b", "온기반점", FoodCategory.Chinese, "차돌박이 짬뽕", "짜장면"),
        ]);
        var generator = new OnnxEmbeddingGenerator(TestData.Encoder);
        using var index = new CatalogVectorIndex(catalog, generator, TestData.Lexical);
        var snapshot = await index.SnapshotAsync();
        TestData.Lexical.LexicalWeight.Should().BeInRange(0.05, 0.95);
        snapshot.LexicalWeight.Should().Be(TestData.Lexical.LexicalWeight);

        foreach (var text in new[] { "떡뽀끼 먹고 싶어", "짬뽕", "비 오는 날 먹기 좋은 거" })
        {
            var vector = (await generator.GenerateAsync([text]))[0].Vector.ToArray();
            var similarities = snapshot.Similarities(snapshot.QueryFor(vector, text));
            for (var row = 0; row < snapshot.Documents.Count; row++)
            {
                var document = snapshot.Documents[row];
                var expected = TestData.Lexical.Fuse(
                    TfIdfVectorizer.Cosine(TestData.Lexical.Vector(text), TestData.Lexical.Vector(document)),
                    VectorIndex.Dot(vector, TestData.Encoder.Embed([document])[0]));
                similarities[row].Should().BeApproximately((float)expected, 1e-5f, $"'{text}' against '{document}'");
            }
        }
    }
}
