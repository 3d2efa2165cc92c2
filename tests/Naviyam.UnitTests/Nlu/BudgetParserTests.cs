using Naviyam.Chat;
using Naviyam.Nlu;

namespace Naviyam.UnitTests.Nlu;

public class BudgetParserTests
{
    [Theory]
    [InlineData("배고픈데 5천원밖에 없어", 5000, BudgetKinds.Cap)]
    [InlineData("오천원으로 뭐 먹지", 5000, BudgetKinds.Exact)]
    [InlineData("5,000원 있어", 5000, BudgetKinds.Exact)]
    [InlineData("5000원", 5000, BudgetKinds.Exact)]
    [InlineData("만원", 10000, BudgetKinds.Exact)]
    [InlineData("만 오천원 있어", 15000, BudgetKinds.Exact)]
    [InlineData("1만2천원으로", 12000, BudgetKinds.Exact)]
    [InlineData("삼천 원 있음", 3000, BudgetKinds.Exact)]
    [InlineData("7천 있어", 7000, BudgetKinds.Exact)]
    [InlineData("8k 있음", 8000, BudgetKinds.Exact)]
    [InlineData("1.5만 정도", 15000, BudgetKinds.Exact)]
    [InlineData("만원 이하로", 10000, BudgetKinds.Cap)]
    [InlineData("2만원대 메뉴", 20000, BudgetKinds.Range)]
    [InlineData("돈 만원 있어", 10000, BudgetKinds.Exact)]
    [InlineData("0원이야", 0, BudgetKinds.Exact)]
    [InlineData("이천오백원", 2500, BudgetKinds.Exact)]
    [InlineData("만이천원", 12000, BudgetKinds.Exact)]
    [InlineData("천원짜리", 1000, BudgetKinds.Exact)]
    [InlineData("12000 있어", 12000, BudgetKinds.Exact)]
    [InlineData("5천원에서 7천원 사이", 7000, BudgetKinds.Range)]
    [InlineData("최대 8천원", 8000, BudgetKinds.Cap)]
    public void Reads_money_written_every_way(string text, int amount, string kind)
    {
        var match = BudgetParser.Parse(text);

        match.Should().NotBeNull();
        match!.Amount.Should().Be(amount);
        match.Kind.Should().Be(kind);
    }

    [Theory]
    [InlineData("2명이서 먹을 곳")]
    [InlineData("3시에 만나")]
    [InlineData("10분 안에 먹을 수 있는 거")]
    [InlineData("2번 출구 앞")]
    [InlineData("1인분만")]
    [InlineData("5층에 있는 식당")]
    [InlineData("치킨 2마리")]
    [InlineData("3학년인데")]
    [InlineData("이거 얼마야")]
    [InlineData("천천히 먹을래")]
    [InlineData("피자만 먹고 싶어")]
    [InlineData("010-1234-5678로 연락해")]
    [InlineData("12:30에 점심")]
    [InlineData("2025년에")]
    public void Numbers_that_are_not_money_are_not_a_budget(string text)
    {
        BudgetParser.Parse(text).Should().BeNull();
    }
}
