using System.Globalization;

namespace Naviyam.Reply;

/// <summary>How amounts and distances are written to the user, the same in the reply text and in a pick's reasons.</summary>
internal static class KoreanFormat
{
    public static string Won(int amount) => amount.ToString("#,0", CultureInfo.InvariantCulture) + "원";

    public static string Distance(double meters) => meters < 1000
        ? meters < 50 ? "50m 이내" : $"{Math.Round(meters / 10) * 10:0}m"
        : $"{meters / 1000:0.0}km";
}
