namespace Naviyam.Nlu.Extractors;

internal static class WordLists
{
    /// <summary>Entities list each word once, in the order the message says them.</summary>
    public static void AddOnce(this List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
