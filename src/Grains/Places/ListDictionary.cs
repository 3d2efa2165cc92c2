using System.Runtime.InteropServices;

namespace Naviyam.Places;

/// <summary>The indexes of this folder map a key to several values.</summary>
internal static class ListDictionary
{
    /// <summary>The key's list, added empty the first time.</summary>
    public static List<TValue> ListFor<TKey, TValue>(this Dictionary<TKey, List<TValue>> index, TKey key) where TKey : notnull
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out _);
        return list ??= [];
    }
}
