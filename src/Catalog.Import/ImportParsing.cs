using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Naviyam.Shops;

namespace Naviyam.Catalog.Import;

/// <summary>Small value parsers shared by the importers.</summary>
public static class ImportParsing
{
    /// <summary>
    /// Latitude/longitude from text; null when missing, unparsable, (0, 0) or out of range. Korean exports
    /// sometimes swap the columns: a "latitude" of 124–132 with a "longitude" of 33–39 is swapped back.
    /// </summary>
    public static GeoPoint? ParseLocation(string? latitude, string? longitude)
    {
        if (!TryParseDouble(latitude, out var lat) || !TryParseDouble(longitude, out var lng))
        {
            return null;
        }
        if (lat is >= 124 and <= 132 && lng is >= 33 and <= 39)
        {
            (lat, lng) = (lng, lat);
        }
        var point = new GeoPoint(lat, lng);
        return point.IsValid ? point : null;
    }

    public static bool TryParseDouble(string? text, out double value)
    {
        value = 0;
        return !string.IsNullOrWhiteSpace(text)
               && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
               && double.IsFinite(value);
    }

    /// <summary>"True"/"False", "Y"/"N", "1"/"0", "예"/"아니오"; null when empty or anything else.</summary>
    public static bool? ParseBool(string? text)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "TRUE" or "Y" or "YES" or "1" or "예" or "O":
                return true;
            case "FALSE" or "N" or "NO" or "0" or "아니오" or "X":
                return false;
            default:
                return null;
        }
    }

    /// <summary>Collapses runs of whitespace and trims; null when nothing is left.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// A stable id for rows without one: the first 16 hex digits of SHA-256 over the NFC-normalised,
    /// whitespace-collapsed, upper-cased name and address joined by '|'. The same shop gets the same id on every
    /// import and machine (no <see cref="HashCode"/>, which is randomised per process).
    /// </summary>
    public static string StableId(string name, string? address)
    {
        var key = $"{Normalize(name)}|{Normalize(address)}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));

        static string Normalize(string? text) =>
            (Clean(text) ?? string.Empty).Normalize(NormalizationForm.FormC).ToUpperInvariant();
    }
}
