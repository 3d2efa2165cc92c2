namespace Naviyam.Lexicons;

/// <summary>
/// What a child says about their meal card and ordering with it — "잔액 얼마야?", "2번으로 주문해 줘", "주문 취소해 줘",
/// "응" / "아니" to a confirmation — from <c>data/lexicons/card.json</c>, each matched in the space-free, lower-cased
/// message. The grammar that combines them is <see cref="Conversation.CardRequests"/>'s.
/// </summary>
public sealed class CardPhrases
{
    public const int FileVersion = 1;

    private CardPhrases(string[] balance, string[] balanceQuestions, string[] order, string[] choose, string[] cancelOrder, string[] yes, string[] no)
    {
        Balance = balance;
        BalanceQuestions = balanceQuestions;
        Order = order;
        Choose = choose;
        CancelOrder = cancelOrder;
        Yes = yes;
        No = no;
    }

    /// <summary>The card's money: 잔액, 카드에 돈.</summary>
    public IReadOnlyList<string> Balance { get; }

    /// <summary>Asking how much: 얼마, 확인, 조회.</summary>
    public IReadOnlyList<string> BalanceQuestions { get; }

    /// <summary>Asking to buy: 주문, 시켜, 결제.</summary>
    public IReadOnlyList<string> Order { get; }

    /// <summary>Choosing one: 걸로, 할게. An order only when a pick is named with it ("매운 걸로" asks for a search).</summary>
    public IReadOnlyList<string> Choose { get; }

    /// <summary>Taking back the last order: 주문 취소, 환불.</summary>
    public IReadOnlyList<string> CancelOrder { get; }

    /// <summary>Agreeing to a confirmation, said alone: 응, 네, 좋아.</summary>
    public IReadOnlyList<string> Yes { get; }

    /// <summary>Declining a confirmation: 아니, 싫어, 취소.</summary>
    public IReadOnlyList<string> No { get; }

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is malformed; the message names the file and the entry.</exception>
    public static CardPhrases Load(string path)
    {
        var file = DataFile.Read<CardFile>(path, FileVersion);
        return new CardPhrases(
            DataFile.LowerCaseWords(path, "balance", file.Balance),
            DataFile.LowerCaseWords(path, "balanceQuestions", file.BalanceQuestions),
            DataFile.LowerCaseWords(path, "order", file.Order),
            DataFile.LowerCaseWords(path, "choose", file.Choose),
            DataFile.LowerCaseWords(path, "cancelOrder", file.CancelOrder),
            DataFile.LowerCaseWords(path, "yes", file.Yes),
            DataFile.LowerCaseWords(path, "no", file.No));
    }

    private sealed record CardFile : CommentedFile
    {
        public string[]? Balance { get; init; }
        public string[]? BalanceQuestions { get; init; }
        public string[]? Order { get; init; }
        public string[]? Choose { get; init; }
        public string[]? CancelOrder { get; init; }
        public string[]? Yes { get; init; }
        public string[]? No { get; init; }
    }
}
