using Naviyam.Chat;
using Naviyam.Gateway.ReplyWriting;

namespace Naviyam.IntegrationTests.Integrators;

public class ReplyFactCheckTests
{
    private static readonly ChatReply Template = new()
    {
        TurnId = "t1",
        Reply = "5천원 안에서 먹을 수 있는 곳이에요.\n1. 행복분식 — 떡볶이 4,000원\n모두 급식카드로 결제할 수 있는 곳이에요.",
        Intent = "budget_inquiry",
        Entities = new Entities(),
        Slots = new Entities(),
        Recommendations = [new RecommendationView { ShopId = "s1", ShopName = "행복분식", MenuName = "떡볶이", Price = 4000, FinalPrice = 4000 }],
    };

    [Theory]
    [InlineData("안녕! 5천원으로 먹을 수 있는 곳을 찾았어요.\n1. 행복분식 — 떡볶이 4,000원\n모두 급식카드로 돼요!", true)]
    [InlineData("5,000원 안에서 찾았어요!\n1. 행복분식 — 떡볶이 4000원", true)]
    [InlineData("5천원 안에서 찾았어요!\n1. 행복분식 — 떡볶이 3,000원", false)]
    [InlineData("5천원 안에서 찾았어요!\n1. 행복분식 — 떡볶이 4,000원, 음료는 1,000원", false)]
    [InlineData("5천원 안에서 찾았어요!\n1. 행복분식 — 4,000원", false)]
    [InlineData("5천원 안에서 찾았어요!\n1. 즐거운분식 — 떡볶이 4,000원", false)]
    [InlineData("", false)]
    public void A_rewrite_keeps_every_shop_meal_and_amount_and_adds_none(string rewrite, bool kept) =>
        ReplyFactCheck.Keeps(Template, rewrite).Should().Be(kept);
}
