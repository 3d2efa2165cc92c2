namespace Naviyam.Catalog.Import;

/// <summary>An import named in configuration or on the command line: "<c>kind:path</c>", e.g. "jeju:/data/jeju.csv".</summary>
public sealed record ImportSpec(string Kind, string Path)
{
    public static ImportSpec Parse(string value)
    {
        var separator = value.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || separator == value.Length - 1)
        {
            throw new FormatException($"An import is written kind:path (e.g. jeju:./shops.csv), not '{value}'.");
        }
        return new ImportSpec(value[..separator].Trim().ToLowerInvariant(), value[(separator + 1)..].Trim());
    }
}
