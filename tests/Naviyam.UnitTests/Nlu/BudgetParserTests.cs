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
    [InlineData("라면 한 그릇 4천원이면 비싼 거지?")]
    [InlineData("순대 1인분 5천원 실화냐")]
    [InlineData("사천짜장 먹고 싶은데 돈 있어")]
    [InlineData("만화 보면서 먹을 거 돈은 있음")]
    [InlineData("포인트 4천원 모았는데 써도 돼?")]
    [InlineData("순대국 9천원이면 비싼 거지?")]
    [InlineData("피자 한 판 3만원 넘어?")]
    public void Numbers_that_are_not_money_are_not_a_budget(string text)
    {
        BudgetParser.Parse(text).Should().BeNull();
    }
}

public class BudgetContextTests
{
    [Theory]
    [InlineData("12000원 있음", 12000, BudgetKinds.Exact)]
    [InlineData("5~7천원 정도로 먹을 거", 7000, BudgetKinds.Range)]
    [InlineData("오천에서 칠천 사이로 뭐 먹지", 7000, BudgetKinds.Range)]
    [InlineData("5천원 넘으면 안 돼", 5000, BudgetKinds.Cap)]
    [InlineData("카드 한도 9천원인데", 9000, BudgetKinds.Cap)]
    [InlineData("만원으로 최대한 많이 먹고 싶어", 10000, BudgetKinds.Exact)]
    [InlineData("3천원 쿠폰 있고 내 돈은 4천원이야", 4000, BudgetKinds.Exact)]
    [InlineData("1-2만원 정도 생각 중", 20000, BudgetKinds.Range)]
    [InlineData("1마넌 있음", 10000, BudgetKinds.Exact)]
    [InlineData("만원 안짝으로 먹을 거", 10000, BudgetKinds.Cap)]
    [InlineData("천원짜리 세 장 있어", 3000, BudgetKinds.Exact)]
    [InlineData("오천원짜리 한 장뿐이야", 5000, BudgetKinds.Cap)]
    [InlineData("칠천 있음", 7000, BudgetKinds.Exact)]
    [InlineData("용돈 남은 게 만이천", 12000, BudgetKinds.Exact)]
    [InlineData("1인분에 8천원 넘으면 안 사", 8000, BudgetKinds.Cap)]
    [InlineData("만원짜리 한 장이랑 천원짜리 두 장", 12000, BudgetKinds.Exact)]
    [InlineData("오천원 하나 천원 세 개 있음", 8000, BudgetKinds.Exact)]
    [InlineData("진짜 10원도 없어", 0, BudgetKinds.Exact)]
    [InlineData("6천원 안 넘게 먹을래", 6000, BudgetKinds.Cap)]
    [InlineData("3천원 초과하면 안 돼", 3000, BudgetKinds.Cap)]
    [InlineData("육칠천원 정도 있어", 7000, BudgetKinds.Range)]
    [InlineData("2만원 선으로 셋이 먹을 거", 20000, BudgetKinds.Cap)]
    [InlineData("누나는 2만원 받았는데 나는 8천원", 8000, BudgetKinds.Exact)]
    [InlineData("만원 갖고 나갔는데 4천원 남았어", 4000, BudgetKinds.Exact)]
    [InlineData("점심 6천원 컷", 6000, BudgetKinds.Cap)]
    [InlineData("3만원 넘으면 아빠한테 혼나", 30000, BudgetKinds.Cap)]
    [InlineData("칠천", 7000, BudgetKinds.Exact)]
    [InlineData("셋이 오천원씩 합쳐서 만오천원", 15000, BudgetKinds.Exact)]
    [InlineData("백원짜리 동전 일곱 개", 700, BudgetKinds.Exact)]
    public void Reads_the_money_the_user_can_spend(string text, int amount, string kind)
    {
        var match = BudgetParser.Parse(TestLexicons.Normalizer.Normalize(text).Normalized);

        match.Should().NotBeNull();
        (match!.Amount, match.Kind).Should().Be((amount, kind));
    }

    [Theory]
    [InlineData("3천원 할인 쿠폰 있어?")]
    [InlineData("만원 이상 시키면 3천원 할인해주는 데")]
    [InlineData("5천원 할인권 어디서 써?")]
    public void Discounts_and_thresholds_are_not_a_budget(string text)
    {
        BudgetParser.Parse(TestLexicons.Normalizer.Normalize(text).Normalized).Should().BeNull();
    }
}

public class BudgetSpellingTests
{
    [Theory]
    [InlineData("5천냥 있음", 5000)]
    [InlineData("5000won 있어", 5000)]
    [InlineData("돈 오천 있어", 5000)]
    [InlineData("1~2만원", 20000)]
    public void Chat_spellings_of_money_are_read(string text, int amount)
    {
        var match = BudgetParser.Parse(text);

        match.Should().NotBeNull();
        match!.Amount.Should().Be(amount);
    }
}
