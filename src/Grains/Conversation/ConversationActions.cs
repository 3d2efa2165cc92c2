using Naviyam.Cards;
using Naviyam.Catalog;
using Naviyam.Chat;
using Naviyam.Coupons;
using Naviyam.Orders;
using Naviyam.Profiles;
using Naviyam.Reply;
using Naviyam.Time;

namespace Naviyam.Conversation;

/// <summary>What the actions stage reads: the turn, its session, what the NLU made of it and what is known about the user.</summary>
public sealed record ActionInput(ChatTurn Turn, SessionHistory History, TurnUnderstanding Understanding, TurnContext User);

/// <summary>A turn answered without a search: the text and what goes with it on the wire.</summary>
public sealed record ActionAnswer
{
    public required string Text { get; init; }

    /// <summary>One of <see cref="ChatActions"/>.</summary>
    public required string Action { get; init; }

    /// <summary>The pick the answer is about, when it is about one.</summary>
    public IReadOnlyList<RecommendationView> Recommendations { get; init; } = [];

    public PendingOrder? PendingOrder { get; init; }

    public OrderReceipt? Order { get; init; }

    public FoodCardSummary? Card { get; init; }
}

/// <summary>
/// Either an answer (the turn searches nothing), or the turn goes on to the search with <see cref="Understanding"/>
/// (possibly read anew: "응" to "찾아 줄까요?" asks for food) and a <see cref="Note"/> to add to its answer.
/// </summary>
public sealed record ActionOutcome(ActionAnswer? Answer, TurnUnderstanding Understanding, string? Note = null);

/// <summary>
/// The conversation's actions, run after the NLU and before the search, which they may answer instead of: a proposal's
/// "응" or "아니", a refusal of alcohol, tobacco or an adult venue, cancelling the last order, ordering a pick, a question
/// about a pick ("2번 어디야", "두 번째 거 가격"), the card's balance, and "응" to an offer. Each rule lives with its
/// phrases (<see cref="Refusals"/>, <see cref="FollowUps"/>, <see cref="CardRequests"/>), the words of each answer in
/// <c>Reply/</c>; orders go through <see cref="ChatOrders"/>, the same checkout as the REST API.
/// </summary>
public sealed class ConversationActions(
    Refusals refusals,
    FollowUps followUps,
    CardRequests cardRequests,
    ChatOrders orders,
    IShopCatalog catalog,
    SeoulClock clock)
{
    public async Task<ActionOutcome> RunAsync(ActionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var outcome = await DecideAsync(input);
        // A proposal dropped by a message answered here is said to be dropped too, unless the answer is a new proposal.
        return outcome is { Answer: { } answer, Note: { } note } && answer.Action != ChatActions.OrderConfirm
            ? outcome with { Answer = answer with { Text = $"{answer.Text}\n{note}" }, Note = null }
            : outcome;
    }

    private async Task<ActionOutcome> DecideAsync(ActionInput input)
    {
        var understanding = input.Understanding;
        var compact = understanding.Text.Compact;
        var previous = input.History.Last;
        var pending = previous?.PendingOrder;
        if (pending is not null)
        {
            if (cardRequests.IsYes(compact))
            {
                return (orders.IsOpen(pending) ? await PlaceAsync(input, pending) : ProposeAgain(input, pending)) with { Note = null };
            }
            if (cardRequests.IsNo(compact) || cardRequests.IsCancelOrder(compact))
            {
                return new ActionOutcome(new ActionAnswer { Text = OrderReplies.Declined, Action = ChatActions.Order }, understanding);
            }
            // Anything else drops the proposal ("아니 3번으로" goes on to propose the third), and the answer says so.
        }

        if (refusals.Find(understanding.Text) is { } refused)
        {
            var asker = AskerOf(input.Turn.UserAge, input.User.Profile, input.User.Card);
            return Answered(input, new ActionAnswer
            {
                Text = RefusalReplies.For(refused.Topic, refused.Word, asker, understanding.Nlu.Entities.FoodType),
                Action = ChatActions.Refusal,
            });
        }

        if (pending is null && cardRequests.IsCancelOrder(compact))
        {
            return await CancelLastAsync(input);
        }

        if (!understanding.SlotsReset && AboutAPick(input, pending is not null) is { } aboutPick)
        {
            return aboutPick;
        }

        if (cardRequests.IsBalanceQuestion(compact, understanding.Nlu.Entities))
        {
            return Answered(input, new ActionAnswer
            {
                Text = CardReplies.Balance(input.User.Card, input.User.Wallet.Count),
                Action = ChatActions.Balance,
                Card = input.User.Card,
            });
        }

        if (cardRequests.IsYes(compact) && previous?.Action is ChatActions.OrderPlaced or ChatActions.OrderCancelled)
        {
            return Answered(input, new ActionAnswer { Text = OrderReplies.Acknowledged, Action = ChatActions.Order });
        }
        if (cardRequests.IsYes(compact) && previous?.Action is ChatActions.Refusal or ChatActions.Balance)
        {
            // "응" to "…찾아 줄까요?": the food (or the balance) the offer was about is in the slots; search for it.
            return new ActionOutcome(null, understanding with { Nlu = understanding.Nlu with { Intent = Intents.FoodRequest } });
        }
        return new ActionOutcome(null, understanding, DroppedProposal(input));
    }

    /// <summary>
    /// The answer's last touches: an emergency coupon the user holds is offered first to a child who must eat now, and a
    /// dropped proposal is mentioned last.
    /// </summary>
    public string Finish(string text, string intent, TurnContext user, string? note)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (intent == Intents.EmergencyFood
            && EmergencyCoupons.FirstUsable(user.Wallet, clock.UtcNow, DateOnly.FromDateTime(clock.LocalNow.DateTime)) is { } coupon)
        {
            text = $"{CardReplies.EmergencyCouponFirst(coupon, clock.UtcNow)}\n{text}";
        }
        return note is null ? text : $"{text}\n{note}";
    }

    /// <summary>
    /// A message about a pick of the last list: ordering it ("2번으로 주문해 줘", "이걸로 할게", a pick named while a
    /// proposal waits), or asking about it ("2번 어디야", "두 번째 거", "그 김밥집 어디야"). Null when it is neither, or
    /// when it rather starts a new search ("떡볶이 먹고 싶어" naming no pick).
    /// </summary>
    private ActionOutcome? AboutAPick(ActionInput input, bool proposalDropped)
    {
        var understanding = input.Understanding;
        var compact = understanding.Text.Compact;
        var said = understanding.Nlu.Entities;
        var (offered, focus) = input.History.LastList();
        var newSearch = said.FoodType is not null || said.Budget is not null || said.LocationPreference is not null;
        // "근처 분식 어디" names no pick for sure, though one is called 행복분식, nor does "거기 떡볶이 어디" point at one for
        // sure: with a food or a place said, it is a search.
        var reference = followUps.ReferenceIn(compact, offered, focus) is { } named
                        && (!newSearch || named.Sure && named.Naming != PickNaming.Pointer)
                        && !followUps.TurnsDown(compact) ? named : null;
        var question = followUps.QuestionIn(compact);

        // While a proposal waited, naming another pick without asking about it chooses it instead ("아니 3번으로").
        var choosesAnother = proposalDropped && reference is not null && question is null;
        var chooses = reference is not null && (cardRequests.IsChoice(compact) || choosesAnother);
        if (chooses || cardRequests.IsOrder(compact) && (reference is not null || !newSearch))
        {
            // "이걸로 할게" right after a list of several is not clear enough to spend money on: ask which.
            var single = offered.Count == 1 ? 1 : (int?)null;
            var chosen = reference is null or { Naming: PickNaming.Pointer } ? focus ?? single : reference.Number;
            return Propose(input, offered, chosen);
        }
        if (reference is null)
        {
            // "응" after the details of a pick ("…주문하려면 말해 줘요"): propose that pick.
            return input.History.Last?.Action == ChatActions.Pick && cardRequests.IsYes(compact) && focus is not null
                ? Propose(input, offered, focus)
                : null;
        }
        if (question is null && (reference.Naming == PickNaming.Pointer || newSearch))
        {
            return null;
        }
        if (reference.Number > offered.Count)
        {
            return Answered(input, new ActionAnswer { Text = PickReplies.Missing(reference.Number, offered.Count), Action = ChatActions.Pick });
        }
        var pick = offered[reference.Number - 1];
        catalog.TryGet(pick.ShopId, out var shop);
        var number = reference.Number;
        var text = question switch
        {
            PickQuestion.Where => PickReplies.Where(number, pick, shop),
            PickQuestion.Distance => PickReplies.HowFar(number, pick, shop),
            PickQuestion.Price => PickReplies.Price(number, pick, shop),
            PickQuestion.Menu => PickReplies.Menu(number, pick, shop),
            PickQuestion.Hours => PickReplies.Hours(number, pick, shop, clock.LocalNow),
            PickQuestion.Phone => PickReplies.Phone(number, pick, shop),
            _ => PickReplies.Details(number, pick, shop, input.User.Card.IsActive),
        };
        return Answered(input, new ActionAnswer { Text = text, Action = ChatActions.Pick, Recommendations = [pick] });
    }

    /// <summary>The one-line confirmation of pick <paramref name="number"/> (1-based), or why it cannot be ordered.</summary>
    private ActionOutcome Propose(ActionInput input, IReadOnlyList<RecommendationView> offered, int? number)
    {
        if (offered.Count == 0)
        {
            return Answered(input, new ActionAnswer { Text = OrderReplies.NothingToOrder, Action = ChatActions.Order });
        }
        if (number is null)
        {
            return Answered(input, new ActionAnswer { Text = OrderReplies.WhichOne(offered.Count), Action = ChatActions.Order });
        }
        if (number > offered.Count)
        {
            return Answered(input, new ActionAnswer { Text = PickReplies.Missing(number.Value, offered.Count), Action = ChatActions.Pick });
        }
        var pick = offered[number.Value - 1];
        return Proposed(input, new OrderablePick(pick.ShopId, pick.ShopName, pick.MenuName, pick.Price), prefix: null);
    }

    /// <summary>"응" to a proposal that lapsed: asked again at today's price, wallet and balance.</summary>
    private ActionOutcome ProposeAgain(ActionInput input, PendingOrder lapsed) =>
        Proposed(input, new OrderablePick(lapsed.ShopId, lapsed.ShopName, lapsed.MenuName, lapsed.UnitPrice), OrderReplies.Lapsed);

    private ActionOutcome Proposed(ActionInput input, OrderablePick pick, string? prefix)
    {
        var (turn, history, _, user) = input;
        var key = ChatOrders.OrderKeyFor(turn.UserId, history.SessionId, turn.TurnId);
        var proposal = orders.Propose(pick, user.Card, user.Wallet, key);
        if (proposal.Order is not { } order)
        {
            return Answered(input, new ActionAnswer
            {
                Text = OrderReplies.Problem(proposal.Problem!, pick.ShopName, pick.MenuName),
                Action = ChatActions.Order,
                Card = user.Card,
            });
        }
        var confirm = OrderReplies.Confirm(order);
        return Answered(input, new ActionAnswer
        {
            Text = prefix is null ? confirm : $"{prefix}\n{confirm}",
            Action = ChatActions.OrderConfirm,
            PendingOrder = order,
            Card = user.Card,
        });
    }

    private async Task<ActionOutcome> PlaceAsync(ActionInput input, PendingOrder pending)
    {
        var user = input.User;
        var result = await orders.PlaceAsync(input.Turn.UserId, pending);
        if (result.Receipt is not { } receipt)
        {
            return Answered(input, new ActionAnswer
            {
                Text = OrderReplies.Problem(result.Error ?? OrderErrors.InvalidInput, pending.ShopName, pending.MenuName),
                Action = ChatActions.Order,
                Card = user.Card,
            });
        }
        return Answered(input, new ActionAnswer
        {
            Text = OrderReplies.Placed(receipt, pending.ShopName, orders.CancelWindow, again: result.Duplicate),
            Action = ChatActions.OrderPlaced,
            Order = receipt,
            Card = result.Duplicate ? user.Card : user.Card with { Balance = receipt.BalanceAfter },
        });
    }

    private async Task<ActionOutcome> CancelLastAsync(ActionInput input)
    {
        var user = input.User;
        var result = await orders.CancelLastAsync(input.Turn.UserId);
        if (result.Receipt is not { } receipt)
        {
            return Answered(input, new ActionAnswer
            {
                Text = OrderReplies.Problem(result.Error ?? OrderErrors.InvalidInput),
                Action = ChatActions.Order,
                Card = user.Card,
            });
        }
        return Answered(input, new ActionAnswer
        {
            Text = OrderReplies.Cancelled(receipt, orders.ShopName(receipt.ShopId), again: result.Duplicate),
            Action = result.Duplicate ? ChatActions.Order : ChatActions.OrderCancelled,
            Order = receipt,
            Card = receipt.BalanceAfterCancel is { } balance && !result.Duplicate ? user.Card with { Balance = balance } : user.Card,
        });
    }

    private static ActionOutcome Answered(ActionInput input, ActionAnswer answer) => new(answer, input.Understanding, DroppedProposal(input));

    /// <summary>The note for a proposal the previous answer made and this message neither took nor declined.</summary>
    private static string? DroppedProposal(ActionInput input) =>
        input.History.Last?.PendingOrder is not null ? OrderReplies.DroppedNote : null;

    /// <summary>Who asks: the age given with the turn, else the profile's, else the card's target group; else not known.</summary>
    private static Asker AskerOf(int? userAge, UserProfile profile, FoodCardSummary card)
    {
        if (userAge is { } age)
        {
            return age < 19 ? Asker.Minor : Asker.Adult;
        }
        if (profile.AgeGroup is { } group)
        {
            return group == "adult" ? Asker.Adult : Asker.Minor;
        }
        return card.TargetAgeGroup switch
        {
            null => Asker.Unknown,
            "청년" => Asker.Adult,
            _ => Asker.Minor,
        };
    }
}
