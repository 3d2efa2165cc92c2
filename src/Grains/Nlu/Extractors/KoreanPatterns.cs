using System.Text.RegularExpressions;

namespace Naviyam.Nlu.Extractors;

/// <summary>Patterns more than one entity family reads.</summary>
internal static partial class KoreanPatterns
{
    // A plan to eat or go (먹을, 갈, 시켜, 뭐, 추천, ㄱ): after a person it makes them company (친구랑 먹을 거), after
    // 이따 it makes the meal a later one.
    [GeneratedRegex(@"먹(?!었)|묵(?!었)|갈|가자|가서|가면|가도|가고|가려|가야|가기|시켜|시킬|주문|외식|데이트|나눠|같이|함께|뭐|추천|ㄱ|골라|고를|쓸|써도|찾")]
    public static partial Regex EatingPlan();
}
