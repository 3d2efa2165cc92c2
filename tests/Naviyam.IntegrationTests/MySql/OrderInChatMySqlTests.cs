using Naviyam.IntegrationTests.Infrastructure;

namespace Naviyam.IntegrationTests.MySql;

/// <summary>The same gateway in MySQL mode on a fresh database, with the generated city seeded into its tables.</summary>
public sealed class MySqlOrderCityFactory() : MySqlGatewayFactory(OrderInChatScenario.Noon, OrderInChatScenario.CitySettings());

/// <summary>Ordering in the chat and cancelling, on MariaDB: orders, refunds and coupons in the spec's tables.</summary>
public class OrderInChatMySqlTests(MySqlOrderCityFactory factory) : OrderInChatScenario(factory), IClassFixture<MySqlOrderCityFactory>;
