using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.Api;

/// <summary>The embedded default (in-memory stores) with a small generated city and its meal-card users.</summary>
public sealed class OrderCityFactory() : GatewayFactory(OrderInChatScenario.Noon, OrderInChatScenario.CitySettings());

/// <summary>Ordering in the chat and cancelling, on the embedded default.</summary>
public class OrderInChatTests(OrderCityFactory factory) : OrderInChatScenario(factory), IClassFixture<OrderCityFactory>;
