using Naviyam.Nlu;

namespace Naviyam.UnitTests.Nlu;

public class PlaceAndTimeTests
{
    private static readonly RuleBasedNluEngine Nlu = TestLexicons.Nlu();

    private static Chat.Entities Entities(string text) => Nlu.Analyze(TestLexicons.Normalizer.Normalize(text)).Entities;

    [Theory]
    [InlineData("이 근처에 국밥집 있어?", "근처")]
    [InlineData("우리 동네 치킨 어디가 싸", "동네")]
    [InlineData("호떡집 근처에 있나", "근처")]
    [InlineData("학원 가기 전에 먹을 거", null)]
    [InlineData("송정동 분식집 알려줘", "송정동")]
    [InlineData("수원 인계동 근처 마라탕", "인계동")]
    [InlineData("남부시장 안에 순대국 어디", "남부시장")]
    [InlineData("시청역 3번 출구 앞 김밥", "시청역 3번 출구 앞")]
    [InlineData("걸어서 10분 거리 떡볶이", "걸어서 10분 거리")]
    [InlineData("300m 안에 편의점 있어?", "300m 안")]
    [InlineData("독서실 옆에 밥집 있나요", "독서실 옆")]
    [InlineData("가츠동 먹으러 갈래", null)]
    [InlineData("관악구 쪽 떡볶이", "관악구")]
    [InlineData("학원 근처 김밥집 있나여", "학원 근처")]
    [InlineData("학교 바로 앞에 떡볶이집 있어?", "학교 바로 앞")]
    [InlineData("학원 끝나고 먹을 거", null)]
    [InlineData("대전역 근처 빵집 어디야", "대전역")]
    [InlineData("PC방 옆에 햄버거집 있음?", "PC방 옆")]
    [InlineData("지금 근처에 떡볶이집 어디 있어?", "근처")]
    [InlineData("삼도2동 김밥", "삼도2동")]
    [InlineData("아라1동 쪽 5천원", "아라1동")]
    [InlineData("이도1동 6천원 이하", "이도1동")]
    [InlineData("일도2동 중국집 추천", "일도2동")]
    [InlineData("삼도1동에서 먹을거", "삼도1동")]
    [InlineData("성수1가 떡볶이", "성수1가")]
    [InlineData("위미리 돈까스", "위미리")]
    [InlineData("연동인데 5천원 있어 뭐 먹지", "연동")]
    [InlineData("대구 중구 분식", "중구")]
    public void Finds_the_place_as_the_user_wrote_it(string text, string? expected)
    {
        Entities(text).LocationPreference.Should().Be(expected);
    }

    [Theory]
    [InlineData("내일 점심 뭐 먹지", "내일 점심")]
    [InlineData("일요일 저녁 6시쯤 열어?", "일요일 저녁 6시쯤")]
    [InlineData("태권도 끝나고 먹을 거", "태권도 끝나고")]
    [InlineData("영어학원 끝나면 10시인데 그때 열린 데", "10시")]
    [InlineData("어제 저녁부터 아무것도 못 먹었어요", null)]
    [InlineData("점심도 못 먹었어 배고파", null)]
    [InlineData("오늘 날씨 진짜 좋다", null)]
    [InlineData("편의점 24시간 하지?", "24시간")]
    [InlineData("1시간 걸린대", null)]
    [InlineData("야식으로 족발 어때", "야식")]
    [InlineData("추석 당일에 여는 식당", "추석 당일")]
    [InlineData("20분 뒤에 가도 열려 있어?", "20분 뒤")]
    [InlineData("2시부터 4시까지 쉬어?", null)]
    public void Finds_when_the_user_wants_to_eat(string text, string? expected)
    {
        Entities(text).TimePreference.Should().Be(expected);
    }
}
