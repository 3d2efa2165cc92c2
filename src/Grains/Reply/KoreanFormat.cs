using System.Globalization;

namespace Naviyam.Reply;

/// <summary>How amounts and distances are written to the user, the same in the reply text and in a pick's reasons.</summary>
internal static class KoreanFormat
{
    public static string Won(int amount) => amount.ToString("#,0", CultureInfo.InvariantCulture) + "원";

    public static string Distance(double meters) => meters < 1000
        ? meters < 50 ? "50m 이내" : $"{Math.Round(meters / 10) * 10:0}m"
        : $"{meters / 1000:0.0}km";

    /// <summary>
    /// A distance to a shop placed only by its address (its 동's or 구's point, a kilometre or more off) is said
    /// roughly: "50m 이내" would claim what nobody knows.
    /// </summary>
    public static string Distance(double meters, bool approximate) =>
        !approximate ? Distance(meters) : meters < 1000 ? "1km 안팎" : $"약 {meters / 1000:0.0}km";
}
