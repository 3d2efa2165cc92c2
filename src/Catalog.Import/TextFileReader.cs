using System.Text;

namespace Naviyam.Catalog.Import;

/// <summary>
/// Opens merchant files whatever encoding Korean public data comes in: UTF-8 (with or without BOM, also
/// UTF-16 with BOM) and, when the bytes are not valid UTF-8, CP949 (the Windows superset of EUC-KR that
/// public-data portals still export).
/// </summary>
public static class TextFileReader
{
    public const int Cp949CodePage = 949;

    private static readonly Lazy<Encoding> Cp949Lazy = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(Cp949CodePage);
    });

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>CP949 (registers the code-pages provider on first use).</summary>
    public static Encoding Cp949 => Cp949Lazy.Value;

    /// <summary>Detects the encoding of a file: BOM first, then "valid UTF-8 throughout", else CP949.</summary>
    public static Encoding DetectEncoding(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return DetectEncoding(stream);
    }

    /// <summary>Reads the stream to its end to decide; the caller rewinds or reopens it.</summary>
    public static Encoding DetectEncoding(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        var read = ReadAtLeast(stream, buffer, 4);
        var span = buffer.AsSpan(0, read);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        }
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        // Stream through a strict decoder: chunks may split a multi-byte sequence, which the decoder carries over.
        var decoder = StrictUtf8.GetDecoder();
        var chars = new char[StrictUtf8.GetMaxCharCount(buffer.Length)];
        try
        {
            while (read > 0)
            {
                decoder.GetChars(buffer, 0, read, chars, 0, flush: false);
                read = stream.Read(buffer, 0, buffer.Length);
            }
            decoder.GetChars(buffer, 0, 0, chars, 0, flush: true);
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }
        catch (DecoderFallbackException)
        {
            return Cp949;
        }
    }

    /// <summary>Opens a reader with the detected encoding (a BOM, if any, is skipped).</summary>
    public static StreamReader OpenText(string path)
    {
        var encoding = DetectEncoding(path);
        return new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            BufferSize = 64 * 1024,
            Options = FileOptions.SequentialScan,
        });
    }

    public static string ReadAllText(string path)
    {
        using var reader = OpenText(path);
        return reader.ReadToEnd();
    }

    private static int ReadAtLeast(Stream stream, byte[] buffer, int minimum)
    {
        var total = 0;
        while (total < minimum)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }
}
