using System.Text;

namespace Naviyam.Infrastructure.MySql.Migrations;

/// <summary>
/// Splits a migration file into statements the way the <c>mariadb</c> client does for our files: a statement ends
/// with the current delimiter at the end of a line, and <c>DELIMITER $$</c> … <c>DELIMITER ;</c> wraps routines.
/// </summary>
public static class SqlScript
{
    public static IReadOnlyList<string> Split(string script)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        var delimiter = ";";
        foreach (var rawLine in script.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.StartsWith("DELIMITER ", StringComparison.OrdinalIgnoreCase))
            {
                Flush(current, statements);
                delimiter = line["DELIMITER ".Length..].Trim();
                continue;
            }
            if (current.Length == 0 && (line.Length == 0 || line.TrimStart().StartsWith("--", StringComparison.Ordinal)))
            {
                continue;
            }
            if (line.EndsWith(delimiter, StringComparison.Ordinal))
            {
                current.Append(line.AsSpan(0, line.Length - delimiter.Length)).Append('\n');
                Flush(current, statements);
            }
            else
            {
                current.Append(line).Append('\n');
            }
        }
        Flush(current, statements);
        return statements;
    }

    private static void Flush(StringBuilder current, List<string> statements)
    {
        var statement = current.ToString().Trim();
        if (statement.Length > 0)
        {
            statements.Add(statement);
        }
        current.Clear();
    }
}
