using Naviyam.Conversation;
using Naviyam.Lexicons;

namespace Naviyam.UnitTests.Conversation;

public class RefusalsTests
{
    private static readonly Refusals Refusals = new(TestLexicons.Refusals, TestLexicons.Foods);

    private static RefusalRequest? Find(string message) => Refusals.Find(TestLexicons.Normalizer.Normalize(message));

    [Theory]
    [InlineData("맥주 마시고 싶어", RefusalTopic.Alcohol)]
    [InlineData("맥주마시고싶다", RefusalTopic.Alcohol)]
    [InlineData("소주랑 안주", RefusalTopic.Alcohol)]
    [InlineData("소주랑안주먹을데", RefusalTopic.Alcohol)]
    [InlineData("막창에 소주 한잔", RefusalTopic.Alcohol)]
    [InlineData("막걸리 사러 갈래", RefusalTopic.Alcohol)]
    [InlineData("와인 파는 데", RefusalTopic.Alcohol)]
    [InlineData("칵테일 마시고 싶어", RefusalTopic.Alcohol)]
    [InlineData("하이볼 파는데 ㄱ", RefusalTopic.Alcohol)]
    [InlineData("생맥주 먹을 데", RefusalTopic.Alcohol)]
    [InlineData("한라산 소주 파는데", RefusalTopic.Alcohol)]
    [InlineData("소주 사줄수있는 편의점", RefusalTopic.Alcohol)]
    [InlineData("오늘술마시자", RefusalTopic.Alcohol)]
    [InlineData("술 한잔 하고 싶다", RefusalTopic.Alcohol)]
    [InlineData("맥쥬 땡긴다ㅋㅋ", RefusalTopic.Alcohol)]
    [InlineData("쏘주 ㄱㄱ", RefusalTopic.Alcohol)]
    [InlineData("치맥 하자", RefusalTopic.Alcohol)]
    [InlineData("치킨에 맥주", RefusalTopic.Alcohol)]
    [InlineData("술안주 추천", RefusalTopic.Alcohol)]
    [InlineData("무알콜 맥주 파는 곳", RefusalTopic.Alcohol)]
    [InlineData("BEER 마실래", RefusalTopic.Alcohol)]
    [InlineData("담배 어디서 사", RefusalTopic.Tobacco)]
    [InlineData("담배사고싶어", RefusalTopic.Tobacco)]
    [InlineData("전자담배 어디서 사?", RefusalTopic.Tobacco)]
    [InlineData("담배 파는 편의점", RefusalTopic.Tobacco)]
    [InlineData("전담 어디서 사", RefusalTopic.Tobacco)]
    [InlineData("담베 살 수 있는 데", RefusalTopic.Tobacco)]
    [InlineData("아빠가 담배 사오래", RefusalTopic.Tobacco)]
    [InlineData("술집 추천해줘", RefusalTopic.Adult)]
    [InlineData("호프집 가자", RefusalTopic.Adult)]
    [InlineData("노래주점 추천", RefusalTopic.Adult)]
    [InlineData("모텔 어디 있어", RefusalTopic.Adult)]
    [InlineData("클럽 가고 싶어", RefusalTopic.Adult)]
    [InlineData("클럽가자", RefusalTopic.Adult)]
    [InlineData("룸 추천 좀", RefusalTopic.Adult)]
    [InlineData("이자카야 추천", RefusalTopic.Adult)]
    [InlineData("포차 ㄱ", RefusalTopic.Adult)]
    [InlineData("편의점에서 술 살 수 있어?", RefusalTopic.Alcohol)]
    [InlineData("집에서술마시자", RefusalTopic.Alcohol)]
    [InlineData("전담 액상 파는곳", RefusalTopic.Tobacco)]
    [InlineData("삼겹살에 소주", RefusalTopic.Alcohol)]
    [InlineData("파전에 막걸리 먹고싶다", RefusalTopic.Alcohol)]
    public void Asking_for_alcohol_tobacco_or_an_adult_venue_is_found(string message, RefusalTopic topic) =>
        Find(message)!.Topic.Should().Be(topic);

    [Theory]
    [InlineData("술빵 먹고 싶어")]
    [InlineData("와인삼겹살 맛있는 데")]
    [InlineData("막걸리빵 파는 곳")]
    [InlineData("카스테라 먹을래")]
    [InlineData("사케동 먹고싶다")]
    [InlineData("치킨 먹고 싶어 맥주는 말고")]
    [InlineData("술 안 파는 식당")]
    [InlineData("술 없는 조용한 밥집")]
    [InlineData("맥주 말고 콜라랑 피자")]
    [InlineData("술은 싫어 밥 먹을래")]
    [InlineData("아빠가 술 마셔서 밥을 못 먹었어")]
    [InlineData("엄마가 어제 술먹고 와서 밥이 없어")]
    [InlineData("미술학원 끝나고 배고파")]
    [InlineData("수술하고 나서 먹을 죽")]
    [InlineData("입술 안 매운 떡볶이")]
    [InlineData("축구 클럽 끝나고 배고파")]
    [InlineData("클럽샌드위치 먹고 싶어")]
    [InlineData("단체룸 있는 고깃집")]
    [InlineData("룸 있는 식당 추천")]
    [InlineData("바로 먹을 수 있는 데")]
    [InlineData("바나나 우유 파는 편의점")]
    [InlineData("담배 냄새 안 나는 식당")]
    [InlineData("금연 식당")]
    [InlineData("안주 뭐 먹지")]
    [InlineData("떡볶이 먹고 싶어")]
    [InlineData("기네스북에 나온 햄버거")]
    [InlineData("신청하는 법")]
    [InlineData("서술형 시험 끝나고 배고파")]
    [InlineData("스터디룸 추천")]
    [InlineData("파티룸 가자")]
    [InlineData("축구클럽 가는데 배고파")]
    [InlineData("와인 소스 스테이크")]
    [InlineData("맥주 안 마셔 그냥 밥")]
    public void Food_said_near_a_false_friend_or_turned_down_is_not_refused(string message) =>
        Find(message).Should().BeNull();

    [Fact]
    public void The_longest_word_decides_the_topic() =>
        Find("술집에서 술 마실래")!.Should().Be(new RefusalRequest(RefusalTopic.Adult, "술집"));
}
