using System.Globalization;

namespace Naviyam.Lexicons;

/// <summary>Native Korean counting words as they come before a counter ("세 명", "두 장", "셋이서", "하나"), and digits.</summary>
public static class KoreanNumbers
{
    public static int? Count(string word) => word switch
    {
        "한" or "하나" => 1, "두" or "둘" => 2, "세" or "셋" => 3, "네" or "넷" => 4, "다섯" => 5,
        "여섯" => 6, "일곱" => 7, "여덟" => 8, "아홉" => 9, "열" => 10,
        _ => int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null,
    };
}
