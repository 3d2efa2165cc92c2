using System.Text.RegularExpressions;
using Naviyam.Chat;
using Naviyam.Preprocessing;

namespace Naviyam.Nlu.Extractors;

/// <summary>budget: an amount said, or none at all.</summary>
internal static partial class BudgetExtractor
{
    /// <summary>
    /// budget and budget_kind as <see cref="BudgetParser"/> reads them, or an exact 0 when the child says there is no
    /// money at all (돈 없어, 잔액 0원, 텅장).
    /// </summary>
    public static (int? Amount, string? Kind) Extract(PreprocessedText text)
    {
        var compact = text.Compact;
        var budget = BudgetParser.Parse(text.Normalized);
        int? budgetAmount = budget?.Amount;
        var budgetKind = budget?.Kind;
        // "배달팁 0원 되는 쿠폰" is about a fee, not the user's money.
        if (budget is null && !FeeOfZero().IsMatch(compact)
            && (NoMoney().IsMatch(compact) || text.Has(Signals.NoMoney) && !NoFoodOnly().IsMatch(compact)))
        {
            budgetAmount = 0;
            budgetKind = BudgetKinds.Exact;
        }
        return (budgetAmount, budgetKind);
    }

    // Money words followed by "none" in any of the ways children say it: 돈도 없고, 돈이 진짜 없어, 잔액 부족, 점심값이 없어.
    [GeneratedRegex(@"(돈|잔액|현금|용돈|밥값|점심값|저녁값|아침값|식비|카드값|카드잔액)(이|도|은|는|가|을|를)?(진짜|정말|하나도|한개도|1원도|한푼도|전혀|다|아예|완전|벌써|이제)*(없|업|부족|바닥|떨어|0원|영원)|지갑(이|에|은|도)?(텅|비었|비어있|털렸|털림)|지갑에(돈|현금|동전)?(이|도)?(하나도|한개도|한푼도|1원도)?없|동전(하나|한개|한푼)도?없|(돈|용돈|잔액|현금|카드|급카|급식카드|밥값|식비)(이|도|은|을|를)?(다|벌써|이미|전부)*(썼|씀|써서|써버|탕진|털)|(돈|용돈|잔액|현금|밥값|식비)(이|도|은|는)?(하나도|한푼도|1원도|전혀)?(안남|못남|남은게없|남은거없)|nomoney|money0|moneyx|broke|없어돈|없다돈|없음돈|돈0원?(?![0-9])|잔액0(?![0-9])|돈(이|은)?읎|돈도[가-힣]{1,6}도없|(돈|잔액)(이|은)?(1도|0이|0원)|한푼도|한푼없|땡전|빈털터리|텅장|무일푼|거지됨")]
    private static partial Regex NoMoney();

    // "먹을 게 없어" is about food, not money.
    [GeneratedRegex(@"(배달팁|배달비|배송비|수수료|최소주문|포장비)(이|가|은|는)?(0원|공짜|무료)")]
    private static partial Regex FeeOfZero();

    [GeneratedRegex(@"먹을(게|것|거)(도|이|가)?(하나도|아무것도)?없")]
    private static partial Regex NoFoodOnly();
}
