using Naviyam.Embeddings;

namespace Naviyam.Embedding.Tests;

public sealed class VectorIndexTests
{
    private static float[][] RandomUnitVectors(int count, int dimension, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var v = Enumerable.Range(0, dimension).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            var norm = MathF.Sqrt(v.Sum(x => x * x));
            return v.Select(x => x / norm).ToArray();
        }).ToArray();
    }

    // The naive answer: a scalar dot product with every row, fully sorted.
    private static int[] BruteForce(float[][] rows, float[] query, int k, IEnumerable<int>? only = null) =>
        (only ?? Enumerable.Range(0, rows.Length))
            .Select(r => (Row: r, Score: rows[r].Zip(query, (a, b) => a * b).Sum()))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Row)
            .Take(k).Select(x => x.Row).ToArray();

    [Theory]
    [InlineData(64, 1)]
    [InlineData(61, 10)]
    [InlineData(128, 25)]
    public void Top_k_is_exactly_the_brute_force_answer_on_random_data(int dimension, int k)
    {
        var rows = RandomUnitVectors(5_000, dimension, seed: dimension + k);
        var index = new VectorIndex(dimension, rows);
        foreach (var query in RandomUnitVectors(20, dimension, seed: 7))
        {
            var hits = index.Search(query, k);
            hits.Select(h => h.Row).Should().Equal(BruteForce(rows, query, k));
            hits.Select(h => h.Similarity).Should().BeInDescendingOrder();
            foreach (var hit in hits)
            {
                hit.Similarity.Should().BeApproximately(rows[hit.Row].Zip(query, (a, b) => a * b).Sum(), 1e-5f);
            }
        }
    }

    [Fact]
    public void A_candidate_filter_searches_only_the_rows_it_names()
    {
        var rows = RandomUnitVectors(2_000, 64, seed: 3);
        var index = new VectorIndex(64, rows);
        var allowed = Enumerable.Range(0, 2_000).Where(r => r % 7 == 3).ToArray();
        foreach (var query in RandomUnitVectors(10, 64, seed: 11))
        {
            index.Search(query, 10, allowed).Select(h => h.Row).Should().Equal(BruteForce(rows, query, 10, allowed));
        }
    }

    [Fact]
    public void Asking_for_more_than_the_index_holds_returns_every_row_once()
    {
        var rows = RandomUnitVectors(5, 8, seed: 5);
        new VectorIndex(8, rows).Search(rows[2], 50).Select(h => h.Row).Should().BeEquivalentTo([0, 1, 2, 3, 4]);
        new VectorIndex(8, rows).Search(rows[2], 1).Single().Row.Should().Be(2);
    }

    [Fact]
    public void A_query_of_the_wrong_dimension_is_refused()
    {
        var index = new VectorIndex(8, RandomUnitVectors(3, 8, seed: 1));
        var act = () => index.Search(new float[7], 3);
        act.Should().Throw<ArgumentException>();
    }
}
