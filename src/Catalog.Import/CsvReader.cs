using System.Text;

namespace Naviyam.Catalog.Import;

/// <summary>One CSV record: its fields, the 1-based line where it starts and its raw text (without the line break).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string Raw)
{
    public string this[int index] => Fields[index];

    public int Count => Fields.Count;

    /// <summary>True when every field is empty or whitespace.</summary>
    public bool IsBlank => Fields.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line breaks and
/// doubled quotes (<c>""</c>). Records end at CRLF, LF or a lone CR. It is lenient where real exports are
/// sloppy: a quote inside an unquoted field is kept as a character, text after a closing quote is appended to
/// the field, and an unterminated quoted field runs to the end of the input. Completely empty lines are skipped.
/// A leading byte-order mark is removed.
/// </summary>
public static class CsvReader
{
    private const char Quote = '"';
    private const char Comma = ',';

    public static IEnumerable<CsvRecord> Parse(string text) => Parse(new StringReader(text));

    public static IEnumerable<CsvRecord> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ParseIterator(reader);
    }

    private static IEnumerable<CsvRecord> ParseIterator(TextReader reader)
    {
        var buffer = new char[16 * 1024];
        var length = 0;
        var position = 0;
        var fields = new List<string>();
        var field = new StringBuilder();
        var raw = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var afterQuote = false;       // the current field was quoted and its closing quote has been read
        var fieldStarted = false;     // something (even an empty quoted string) belongs to the current field
        var recordStarted = false;
        var first = true;

        while (true)
        {
            if (position >= length)
            {
                length = reader.Read(buffer, 0, buffer.Length);
                position = 0;
                if (length == 0)
                {
                    break;
                }
            }

            var c = buffer[position++];
            if (first)
            {
                first = false;
                if (c == '\uFEFF')
                {
                    continue;
                }
            }

            if (inQuotes)
            {
                if (c == Quote)
                {
                    // Either an escaped quote ("") or the end of the quoted part.
                    if (position >= length)
                    {
                        length = reader.Read(buffer, 0, buffer.Length);
                        position = 0;
                    }

                    if (length > 0 && position < length && buffer[position] == Quote)
                    {
                        position++;
                        field.Append(Quote);
                        raw.Append(Quote).Append(Quote);
                    }
                    else
                    {
                        inQuotes = false;
                        afterQuote = true;
                        raw.Append(Quote);
                    }
                    continue;
                }

                if (c == '\n' || (c == '\r' && !NextIs(reader, buffer, ref position, ref length, '\n')))
                {
                    line++;
                }
                field.Append(c);
                raw.Append(c);
                continue;
            }

            switch (c)
            {
                case Comma:
                    fields.Add(field.ToString());
                    field.Clear();
                    raw.Append(c);
                    afterQuote = false;
                    fieldStarted = false;
                    recordStarted = true;
                    break;

                case '\r':
                case '\n':
                    if (c == '\r' && NextIs(reader, buffer, ref position, ref length, '\n'))
                    {
                        position++;
                    }

                    if (recordStarted || fieldStarted || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return new CsvRecord(recordLine, fields.ToArray(), raw.ToString());
                    }

                    fields.Clear();
                    field.Clear();
                    raw.Clear();
                    afterQuote = false;
                    fieldStarted = false;
                    recordStarted = false;
                    line++;
                    recordLine = line;
                    break;

                case Quote when !fieldStarted && field.Length == 0 && !afterQuote:
                    inQuotes = true;
                    fieldStarted = true;
                    recordStarted = true;
                    raw.Append(c);
                    break;

                default:
                    field.Append(c);
                    raw.Append(c);
                    fieldStarted = true;
                    recordStarted = true;
                    break;
            }
        }

        if (recordStarted || fieldStarted || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(recordLine, fields.ToArray(), raw.ToString());
        }
    }

    /// <summary>Peeks at the next character, refilling the buffer when needed (a CR at a buffer boundary).</summary>
    private static bool NextIs(TextReader reader, char[] buffer, ref int position, ref int length, char expected)
    {
        if (position >= length)
        {
            length = reader.Read(buffer, 0, buffer.Length);
            position = 0;
            if (length == 0)
            {
                return false;
            }
        }
        return buffer[position] == expected;
    }
}

/// <summary>Column lookup by header name (trimmed, case-insensitive), so importers do not depend on column order.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _indexByName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// False for rows that carry no shop: blank lines, the header repeated inside the file, and rows with the wrong
    /// number of fields — the last two are reported as rejected, so an operator sees what was skipped.
    /// </summary>
    public bool IsShopRow(CsvRecord record, ShopAccumulator shops)
    {
        if (record.IsBlank)
        {
            return false;
        }
        if (IsRepeatedHeader(record))
        {
            shops.Reject(record.Line, "repeated header row", record.Raw);
            return false;
        }
        if (record.Count != Names.Count)
        {
            shops.Reject(record.Line, $"expected {Names.Count} fields, found {record.Count}", record.Raw);
            return false;
        }
        return true;
    }

    public CsvHeader(IReadOnlyList<string> names)
    {
        Names = names.Select(Normalize).ToArray();
        for (var i = 0; i < Names.Count; i++)
        {
            _indexByName.TryAdd(Names[i], i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    public bool Has(string name) => _indexByName.ContainsKey(name);

    /// <summary>The index of the first of <paramref name="names"/> present in the header, or -1.</summary>
    public int IndexOf(params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (_indexByName.TryGetValue(name, out var index))
            {
                return index;
            }
        }
        return -1;
    }

    /// <summary>True when the record repeats this header (the same first two names), as concatenated exports do.</summary>
    public bool IsRepeatedHeader(CsvRecord record) =>
        record.Count >= 2 && Names.Count >= 2
        && string.Equals(Normalize(record[0]), Names[0], StringComparison.OrdinalIgnoreCase)
        && string.Equals(Normalize(record[1]), Names[1], StringComparison.OrdinalIgnoreCase);

    /// <summary>The trimmed value at <paramref name="index"/>, or null when the column is absent or the value empty.</summary>
    public static string? Value(CsvRecord record, int index)
    {
        if (index < 0 || index >= record.Count)
        {
            return null;
        }
        var value = record[index].Trim();
        return value.Length == 0 ? null : value;
    }

    private static string Normalize(string name) => name.Trim().Trim('\uFEFF').Trim();
}
