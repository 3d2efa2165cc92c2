using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Naviyam.Gateway.Validation;

/// <summary>
/// The one shape of every id a client names (user, session, turn, order key): short, ASCII, safe in a URL, a log line
/// and a grain key.
/// </summary>
public static partial class InputIds
{
    public static bool IsValid([NotNullWhen(true)] string? id) => id is not null && Pattern().IsMatch(id);

    /// <summary>The rule in words, for <paramref name="field"/>'s error message.</summary>
    public static string Rule(string field) => $"{field} must be 1–64 characters of A–Z, a–z, 0–9, '_' or '-'.";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Pattern();
}
