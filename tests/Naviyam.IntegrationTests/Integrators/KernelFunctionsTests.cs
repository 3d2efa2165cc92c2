using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Naviyam.Cards;
using Naviyam.Catalog;
using Naviyam.Coupons;
using Naviyam.Gateway.KernelFunctions;
using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Integrators;

/// <summary>A small generated city: demo-1 … demo-5 hold meal cards and generated coupons.</summary>
public sealed class KernelCityFactory() : GatewayFactory(new DateTime(2025, 9, 3, 12, 0, 0), new Dictionary<string, string?>
{
    ["Naviyam:Data:GenerateShops"] = "1000",
    ["Naviyam:Data:GenerateUsers"] = "5",
});

/// <summary>
/// Naviyam's Semantic Kernel functions, invoked through the gateway's own <see cref="Kernel"/> against its co-hosted
/// silo: real searches, balances, coupons and orders, and each function reaching only the scoped user's grains.
/// </summary>
public class KernelFunctionsTests(KernelCityFactory factory) : IClassFixture<KernelCityFactory>
{
    private Kernel Kernel => factory.Services.GetRequiredService<Kernel>();

    private IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    private Task<T?> InvokeAsync<T>(string userId, string function, KernelArguments? arguments = null) =>
        Kernel.ForUser(userId).InvokeAsync<T>(NaviyamPlugin.PluginName, function, arguments);

    [Fact]
    public async Task The_gateways_kernel_holds_the_four_functions_and_none_takes_a_user()
    {
        var functions = Kernel.Plugins[NaviyamPlugin.PluginName].Select(f => f.Name).ToList();

        functions.Should().BeEquivalentTo(["find_meals", "get_card_balance", "list_coupons", "place_order"]);
        Kernel.Plugins[NaviyamPlugin.PluginName]
            .SelectMany(f => f.Metadata.Parameters).Select(p => p.Name)
            .Should().NotContain(name => name.Contains("user", StringComparison.OrdinalIgnoreCase) || name == "kernel");
        Kernel.Plugins[NaviyamPlugin.PluginName].Should().OnlyContain(f => f.Description.Length > 10);
    }

    [Fact]
    public async Task A_kernel_without_a_user_runs_no_function()
    {
        var act = () => Kernel.InvokeAsync(NaviyamPlugin.PluginName, "get_card_balance");

        await act.Should().ThrowAsync<KernelException>().WithMessage("*signed-in user*");
    }

    [Fact]
    public async Task The_balance_is_the_scoped_users_own()
    {
        (await Grains.GetGrain<IFoodCardGrain>("demo-1").CreditAsync(12_340, "kernel-balance-top-up", "test_top_up")).Applied.Should().BeTrue();
        var ownBalance = (await Grains.GetGrain<IFoodCardGrain>("demo-1").GetSummaryAsync()).Balance;
        var otherBalance = (await Grains.GetGrain<IFoodCardGrain>("demo-2").GetSummaryAsync()).Balance;
        using var client = await factory.ClientForAsync("demo-1");
        var viaApi = await client.GetFromJsonAsync<CardBalance>("/api/me/card");

        var own = await InvokeAsync<CardBalance>("demo-1", "get_card_balance");
        var other = await InvokeAsync<CardBalance>("demo-2", "get_card_balance");

        own.Should().Be(new CardBalance(true, ownBalance, "ACTIVE"));
        own!.Balance.Should().Be(viaApi!.Balance);
        other!.Balance.Should().Be(otherBalance).And.NotBe(own.Balance);
        (await InvokeAsync<CardBalance>("nobody-here", "get_card_balance"))!.HasCard.Should().BeFalse();
    }

    [Fact]
    public async Task The_coupons_are_the_scoped_users_own()
    {
        var owned = (await Grains.GetGrain<ICouponWalletGrain>("demo-3").GetActiveAsync()).Select(c => c.WalletCouponId).ToList();
        var others = (await Grains.GetGrain<ICouponWalletGrain>("demo-2").GetActiveAsync()).Select(c => c.WalletCouponId).ToList();

        var coupons = await InvokeAsync<IReadOnlyList<CouponHeld>>("demo-3", "list_coupons");

        coupons!.Select(c => c.WalletCouponId).Should().BeEquivalentTo(owned).And.NotBeEmpty().And.NotContain(others);
        coupons.Should().Contain(c => c.Name == "급식카드 전용 1,000원 할인");
    }

    [Fact]
    public async Task Finding_meals_runs_the_pipeline_within_the_budget_in_a_session_of_the_users_own()
    {
        var found = await InvokeAsync<MealsFound>("demo-1", "find_meals", new() { ["request"] = "배고픈데 5천원밖에 없어" });

        found!.Picks.Should().NotBeEmpty();
        found.Picks.Should().OnlyContain(p => p.FinalPrice <= 5_000 && p.MenuName != null);
        var catalog = factory.Services.GetRequiredService<IShopCatalog>();
        found.Picks.Select(p => p.ShopId).Should().OnlyContain(id => Served(catalog, id));
        found.Reply.Should().Contain(found.Picks[0].ShopName);

        // The search's session belongs to demo-1: another user cannot take a turn in it.
        var turn = new Naviyam.Chat.ChatTurn("demo-2", "intrude-1", "안녕", null, null);
        var intrude = () => Grains.GetGrain<Naviyam.Chat.IConversationGrain>(NaviyamPlugin.AssistantSession("demo-1")).TakeTurnAsync(turn);
        await intrude.Should().ThrowAsync<Naviyam.Chat.SessionOwnershipException>();
    }

    private static bool Served(IShopCatalog catalog, string shopId) => catalog.TryGet(shopId, out _);

    [Fact]
    public async Task An_order_is_paid_from_the_scoped_users_card_once_and_seen_by_no_one_else()
    {
        (await Grains.GetGrain<IFoodCardGrain>("demo-4").CreditAsync(50_000, "kernel-order-top-up", "test_top_up")).Applied.Should().BeTrue();
        var bystander = (await Grains.GetGrain<IFoodCardGrain>("demo-5").GetSummaryAsync()).Balance;
        var before = (await Grains.GetGrain<IFoodCardGrain>("demo-4").GetSummaryAsync()).Balance;
        var kernel = Kernel.ForUser("demo-4");
        var found = await kernel.InvokeAsync<MealsFound>(NaviyamPlugin.PluginName, "find_meals", new() { ["request"] = "8천원으로 밥 먹을 데" });
        var pick = found!.Picks.First(p => p.Price is not null);
        var order = new KernelArguments { ["shopId"] = pick.ShopId, ["menuName"] = pick.MenuName, ["unitPrice"] = pick.Price };

        var placed = await kernel.InvokeAsync<OrderOutcome>(NaviyamPlugin.PluginName, "place_order", order);
        var again = await kernel.InvokeAsync<OrderOutcome>(NaviyamPlugin.PluginName, "place_order", order);

        placed!.Placed.Should().BeTrue(placed.Error);
        placed.Paid.Should().Be(pick.Price);
        placed.BalanceAfter.Should().Be(before - pick.Price);
        again!.Replayed.Should().BeTrue();
        again.OrderKey.Should().Be(placed.OrderKey);
        (await Grains.GetGrain<IFoodCardGrain>("demo-4").GetSummaryAsync()).Balance.Should().Be(before - pick.Price!.Value, "the repeated call paid nothing");
        (await Grains.GetGrain<IFoodCardGrain>("demo-5").GetSummaryAsync()).Balance.Should().Be(bystander);
        (await Grains.GetGrain<IFoodCardGrain>("demo-4").GetOrderAsync(placed.OrderKey)).Should().NotBeNull();
        (await Grains.GetGrain<IFoodCardGrain>("demo-5").GetOrderAsync(placed.OrderKey)).Should().BeNull();
    }

    [Fact]
    public async Task A_refused_order_says_why_and_pays_nothing()
    {
        var before = (await Grains.GetGrain<IFoodCardGrain>("demo-2").GetSummaryAsync()).Balance;

        var refused = await InvokeAsync<OrderOutcome>("demo-2", "place_order",
            new() { ["shopId"] = "generated:1", ["menuName"] = "없는 메뉴", ["unitPrice"] = 4_000 });

        refused!.Placed.Should().BeFalse();
        refused.Error.Should().Be("menu_unavailable");
        (await Grains.GetGrain<IFoodCardGrain>("demo-2").GetSummaryAsync()).Balance.Should().Be(before);
    }
}
