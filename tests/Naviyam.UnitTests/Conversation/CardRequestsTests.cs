using Naviyam.Chat;
using Naviyam.Conversation;

namespace Naviyam.UnitTests.Conversation;

public class CardRequestsTests
{
    private static readonly CardRequests Card = new(TestLexicons.Card);

    private static string Compact(string message) => TestLexicons.Normalizer.Normalize(message).Compact;

    [Theory]
    [InlineData("잔액 얼마야?")]
    [InlineData("잔액얼마")]
    [InlineData("카드에 돈 얼마 남았어")]
    [InlineData("급식카드 잔액")]
    [InlineData("급식카드 잔고 알려줘")]
    [InlineData("내 카드 잔액 확인")]
    [InlineData("돈 얼마 남았지")]
    [InlineData("잔액은?")]
    [InlineData("꿈나무카드 얼마 남았어?")]
    public void A_question_about_the_balance_is_one(string message) =>
        Card.IsBalanceQuestion(Compact(message), Entities.None).Should().BeTrue();

    [Theory]
    [InlineData("잔액 없어")]
    [InlineData("잔액이 0원이야")]
    [InlineData("잔액으로 뭐 먹지")]
    [InlineData("남은 돈으로 먹을 거")]
    [InlineData("배고파")]
    public void A_statement_or_a_search_with_the_balance_is_not(string message) =>
        Card.IsBalanceQuestion(Compact(message), Entities.None).Should().BeFalse();

    [Fact]
    public void A_stated_amount_makes_it_a_search() =>
        Card.IsBalanceQuestion(Compact("잔액 5천원 남았는데 뭐 먹지"), Entities.None with { Budget = 5_000 }).Should().BeFalse();

    [Theory]
    [InlineData("응")]
    [InlineData("ㅇㅇ")]
    [InlineData("웅웅")]
    [InlineData("네!")]
    [InlineData("넵")]
    [InlineData("좋아요")]
    [InlineData("응 주문해줘")]
    [InlineData("ㅇㅋ")]
    [InlineData("그래 ㄱㄱ")]
    [InlineData("yes")]
    [InlineData("어 그걸로")]
    public void Agreement_alone_is_a_yes(string message) => Card.IsYes(Compact(message)).Should().BeTrue();

    [Theory]
    [InlineData("어디야")]
    [InlineData("응 근데 3번으로")]
    [InlineData("아니")]
    [InlineData("네네 떡볶이 말고 김밥")]
    [InlineData("좋아하는 음식")]
    public void Anything_more_is_not_a_yes(string message) => Card.IsYes(Compact(message)).Should().BeFalse();

    [Theory]
    [InlineData("아니")]
    [InlineData("ㄴㄴ")]
    [InlineData("아니요 괜찮아요")]
    [InlineData("싫어")]
    [InlineData("안할래")]
    public void Declining_alone_is_a_no(string message) => Card.IsNo(Compact(message)).Should().BeTrue();

    [Theory]
    [InlineData("주문 취소해 줘", true)]
    [InlineData("주문취소", true)]
    [InlineData("환불해줘", true)]
    [InlineData("주문할래", false)]
    public void Cancelling_an_order_is_found(string message, bool cancel) => Card.IsCancelOrder(Compact(message)).Should().Be(cancel);

    [Theory]
    [InlineData("2번으로 주문해 줘", true, false)]
    [InlineData("첫번째 걸로 시켜줘", true, true)]
    [InlineData("이걸로 할게", false, true)]
    [InlineData("매운 걸로 추천해줘", false, true)]
    [InlineData("떡볶이 먹고 싶어", false, false)]
    public void Ordering_and_choosing_are_told_apart(string message, bool order, bool choice)
    {
        Card.IsOrder(Compact(message)).Should().Be(order);
        Card.IsChoice(Compact(message)).Should().Be(choice);
    }
}
