using System.Text;

namespace Naviyam.Eval.Raw;

/// <summary>
/// RFC 4180 rows as dictionaries keyed by the header: quoted fields may hold commas, quotes ("") and line breaks.
/// The eval's own reader, so that a parsing bug in the product's importer cannot hide in both.
/// </summary>
public static class CsvRows
{
    public static IEnumerable<IReadOnlyDictionary<string, string>> Read(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    public static IEnumerable<IReadOnlyDictionary<string, string>> Parse(string text)
    {
        string[]? header = null;
        foreach (var fields in Records(text))
        {
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim().TrimStart('\uFEFF'))];
                continue;
            }
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < fields.Count ? fields[i] : "";
            }
            yield return row;
        }
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0)
                    {
                        yield return fields;
                    }
                    fields = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
