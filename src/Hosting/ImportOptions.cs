using System.ComponentModel.DataAnnotations;
using Naviyam.Catalog.Import;

namespace Naviyam.Hosting;

/// <summary>
/// Bound from <c>Naviyam</c>: the merchant lists (<c>Naviyam:Import:N</c> = <c>KIND:PATH</c>) loaded at start. A relative
/// PATH is read from the folder the host was started in (<c>dotnet run</c> included).
/// </summary>
public sealed class ImportOptions : IValidatableObject
{
    public const string Section = "Naviyam";

    public string[] Import { get; set; } = [];

    /// <summary>The lists to import, in order; blank entries (a cleared override) are skipped.</summary>
    public IEnumerable<ImportSpec> Specs => Import.Where(value => !string.IsNullOrWhiteSpace(value)).Select(ImportSpec.Parse);

    /// <summary>A wrong kind or a path that is not there stops the host at start, naming the key and the full path looked at.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Import.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(Import[i]))
            {
                continue;
            }
            if (Problem(Import[i]) is { } problem)
            {
                yield return new ValidationResult($"Naviyam:Import:{i}: {problem}", [nameof(Import)]);
            }
        }
    }

    private static string? Problem(string value)
    {
        try
        {
            var spec = ImportSpec.Parse(value);
            MerchantImport.NormalizeKind(spec.Kind);
            var fullPath = Path.GetFullPath(spec.Path);
            return File.Exists(fullPath) || Directory.Exists(fullPath)
                ? null
                : $"no file or folder at '{fullPath}' (a relative path is read from {Environment.CurrentDirectory}).";
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or PathTooLongException)
        {
            return ex.Message;
        }
    }
}
