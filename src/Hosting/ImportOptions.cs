using System.ComponentModel.DataAnnotations;
using Naviyam.Catalog.Import;

namespace Naviyam.Hosting;

/// <summary>Bound from <c>Naviyam</c>: the merchant lists (<c>Naviyam:Import:N</c> = <c>KIND:PATH</c>) loaded at start.</summary>
public sealed class ImportOptions : IValidatableObject
{
    public const string Section = "Naviyam";

    public string[] Import { get; set; } = [];

    /// <summary>The lists to import, in order; blank entries (a cleared override) are skipped.</summary>
    public IEnumerable<ImportSpec> Specs => Import.Where(value => !string.IsNullOrWhiteSpace(value)).Select(ImportSpec.Parse);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var value in Import.Where(value => !string.IsNullOrWhiteSpace(value)))
        {
            string? error = null;
            try
            {
                ImportSpec.Parse(value);
            }
            catch (FormatException ex)
            {
                error = ex.Message;
            }
            if (error is not null)
            {
                yield return new ValidationResult($"Naviyam:Import: {error}", [nameof(Import)]);
            }
        }
    }
}
