namespace Naviyam.Lexicons;

/// <summary>
/// Whether a menu is spicy, from its name. "매운 거 빼고" must also keep away 김치찌개 and 짬뽕, which never say
/// 매운 on the menu, while 로제떡볶이 or 짜장떡볶이 are the mild versions a child who cannot eat spicy food orders.
/// The words come from <c>data/lexicons/spicy.json</c>.
/// </summary>
public sealed class SpicyDishes
{
    public const int FileVersion = 1;

    private readonly string[] markers;
    private readonly string[] usuallySpicy;
    private readonly string[] mildVersions;

    private SpicyDishes(string[] markers, string[] usuallySpicy, string[] mildVersions)
    {
        this.markers = markers;
        this.usuallySpicy = usuallySpicy;
        this.mildVersions = mildVersions;
    }

    public bool IsSpicy(string menuName)
    {
        // Loops rather than Any(lambda): retrieval asks this of every menu it judges for "매운 거 빼고", and a lambda
        // capturing the name allocates on every call. Replace returns the same string when there is no space.
        var name = menuName.Contains(' ', StringComparison.Ordinal) ? menuName.Replace(" ", "", StringComparison.Ordinal) : menuName;
        return !ContainsAny(name, mildVersions) && (ContainsAny(name, markers) || ContainsAny(name, usuallySpicy));
    }

    private static bool ContainsAny(string name, string[] words)
    {
        foreach (var word in words)
        {
            if (name.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and the entry.</exception>
    public static SpicyDishes Load(string path)
    {
        var file = DataFile.Read<SpicyFile>(path, FileVersion);
        return new SpicyDishes(
            DataFile.Words(path, "markers", file.Markers),
            DataFile.Words(path, "usuallySpicy", file.UsuallySpicy),
            DataFile.Words(path, "mildVersions", file.MildVersions));
    }

    private sealed record SpicyFile : CommentedFile
    {
        public string[]? Markers { get; init; }
        public string[]? UsuallySpicy { get; init; }
        public string[]? MildVersions { get; init; }
    }
}
