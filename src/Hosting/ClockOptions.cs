using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Naviyam.Hosting;

/// <summary>Bound from <c>Naviyam:Clock</c>. Only honoured in Development.</summary>
public sealed class ClockOptions : IValidatableObject
{
    public const string Section = "Naviyam:Clock";

    /// <summary>A Seoul wall time such as "2025-09-03T12:00" the clock starts from.</summary>
    public string? PinnedLocalTime { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PinnedLocalTime) && !DateTime.TryParse(PinnedLocalTime, CultureInfo.InvariantCulture, out _))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(PinnedLocalTime)} is a Seoul wall time such as 2025-09-03T12:00, not '{PinnedLocalTime}'.",
                [nameof(PinnedLocalTime)]);
        }
    }
}
