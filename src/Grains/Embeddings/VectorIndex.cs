using System.Numerics;
using System.Runtime.InteropServices;

namespace Naviyam.Embeddings;

/// <summary>One row of a <see cref="VectorIndex"/> and its similarity (dot product; cosine for unit vectors) with a query.</summary>
public readonly record struct VectorHit(int Row, float Similarity);

/// <summary>
/// An exact nearest-neighbour index over unit vectors: a contiguous row-major matrix scanned with SIMD dot products
/// (<see cref="Vector{T}"/>) and a bounded top-k. Exact, so it never misses a neighbour an approximate graph would;
/// a scan of 100,000 64-dimensional rows is a few million multiply-adds, about a millisecond on one core. A candidate
/// filter scans only the rows it names (retrieval decides which shops are eligible; the index never applies rules).
/// Immutable after construction and thread-safe.
/// </summary>
public sealed class VectorIndex
{
    private readonly float[] matrix;

    public VectorIndex(int dimension, IReadOnlyList<float[]> rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentNullException.ThrowIfNull(rows);
        Dimension = dimension;
        Count = rows.Count;
        matrix = new float[rows.Count * dimension];
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != dimension)
            {
                throw new ArgumentException($"row {r} has {rows[r].Length} values, not {dimension}", nameof(rows));
            }
            rows[r].CopyTo(matrix, r * dimension);
        }
    }

    public int Dimension { get; }

    public int Count { get; }

    public ReadOnlySpan<float> Row(int row) => matrix.AsSpan(row * Dimension, Dimension);

    /// <summary>The <paramref name="k"/> rows most similar to the query, best first (ties: lower row first).</summary>
    public VectorHit[] Search(ReadOnlySpan<float> query, int k)
    {
        CheckQuery(query, k);
        var top = new TopK(Math.Min(k, Count));
        for (var row = 0; row < Count; row++)
        {
            top.Offer(row, Dot(query, Row(row)));
        }
        return top.ToArray();
    }

    /// <summary>The <paramref name="k"/> rows most similar to the query among <paramref name="rows"/> only.</summary>
    public VectorHit[] Search(ReadOnlySpan<float> query, int k, ReadOnlySpan<int> rows)
    {
        CheckQuery(query, k);
        var top = new TopK(Math.Min(k, rows.Length));
        foreach (var row in rows)
        {
            if ((uint)row >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row, "row outside the index");
            }
            top.Offer(row, Dot(query, Row(row)));
        }
        return top.ToArray();
    }

    /// <summary>The similarity of the query with each of <paramref name="rows"/>, in their order.</summary>
    public float[] Similarities(ReadOnlySpan<float> query, ReadOnlySpan<int> rows)
    {
        CheckQuery(query, 1);
        var result = new float[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = Dot(query, Row(rows[i]));
        }
        return result;
    }

    /// <summary>Dot product with <see cref="Vector{T}"/> lanes (8 floats with AVX2), the tail in scalar code.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var lanes = Vector<float>.Count;
        var i = 0;
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        for (var v = 0; v < va.Length && v < vb.Length; v++)
        {
            sum += va[v] * vb[v];
            i += lanes;
        }
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }
        return total;
    }

    private void CheckQuery(ReadOnlySpan<float> query, int k)
    {
        if (query.Length != Dimension)
        {
            throw new ArgumentException($"the query has {query.Length} values, not {Dimension}", nameof(query));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
    }

    /// <summary>The k best (similarity, row) pairs seen so far, kept sorted: k is small, so insertion beats a heap.</summary>
    private sealed class TopK(int capacity)
    {
        private readonly VectorHit[] hits = new VectorHit[capacity];
        private int count;

        public void Offer(int row, float similarity)
        {
            if (capacity == 0 || count == capacity && !Better(similarity, row, hits[count - 1]))
            {
                return;
            }
            var at = count < capacity ? count++ : count - 1;
            while (at > 0 && Better(similarity, row, hits[at - 1]))
            {
                hits[at] = hits[at - 1];
                at--;
            }
            hits[at] = new VectorHit(row, similarity);
        }

        public VectorHit[] ToArray() => hits.AsSpan(0, count).ToArray();

        private static bool Better(float similarity, int row, VectorHit than) =>
            similarity > than.Similarity || similarity == than.Similarity && row < than.Row;
    }
}
