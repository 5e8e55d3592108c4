using AuthorBot.BotFramework.Connector;
using AuthorBot.BotFramework.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.BotFramework.Tests.Connector;

public sealed class ConnectorRateLimitTests : IAsyncLifetime
{
    private FakeChannel _channel = null!;

    public async Task InitializeAsync() => _channel = await FakeChannel.StartAsync();

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    // The buckets never refill within a test (period of an hour) and nothing may queue, so an exhausted bucket
    // fails at once: the limits are observable without timing anything.
    private static ServiceProvider Services(int conversationBurst, int tenantPerPeriod) => ConnectorTestServices.Build(extra: new Dictionary<string, string?>
    {
        ["PerConversationBurst"] = conversationBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PerConversationPerPeriod"] = "1",
        ["PerTenantPerPeriod"] = tenantPerPeriod.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimitPeriod"] = "01:00:00",
        ["MaxQueuedSends"] = "0",
    });

    private static Activity Message(string tenant) => new(ActivityTypes.Message)
    {
        Text = "news",
        Conversation = new ConversationAccount(tenantId: tenant),
    };

    [Fact]
    public async Task Each_conversation_has_its_own_send_budget()
    {
        await using var services = Services(conversationBurst: 2, tenantPerPeriod: 100);
        var client = services.GetRequiredService<IConnectorClientFactory>().Create(_channel.ServiceUrl);

        await client.SendToConversationAsync("c1", Message("t1"), default);
        await client.ReplyToActivityAsync("c1", "a1", Message("t1"), default);
        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync("c1", Message("t1"), default));
        await client.SendToConversationAsync("c2", Message("t1"), default);

        Assert.Equal("LocalRateLimitExceeded", error.ErrorCode);
        Assert.Equal(3, _channel.Requests.Count);
    }

    [Fact]
    public async Task Each_tenant_has_its_own_send_budget()
    {
        await using var services = Services(conversationBurst: 5, tenantPerPeriod: 3);
        var client = services.GetRequiredService<IConnectorClientFactory>().Create(_channel.ServiceUrl);

        for (var i = 0; i < 3; i++)
        {
            await client.SendToConversationAsync("c" + i, Message("busy-tenant"), default);
        }

        await Assert.ThrowsAsync<ConnectorException>(() => client.SendToConversationAsync("c9", Message("busy-tenant"), default));
        await client.SendToConversationAsync("c9", Message("quiet-tenant"), default);

        Assert.Equal(4, _channel.Requests.Count);
    }

    [Fact]
    public async Task Reads_are_not_limited()
    {
        await using var services = Services(conversationBurst: 1, tenantPerPeriod: 1);
        var client = services.GetRequiredService<IConnectorClientFactory>().Create(_channel.ServiceUrl);

        for (var i = 0; i < 5; i++)
        {
            await client.GetConversationMembersAsync("c1", default);
        }

        Assert.Equal(5, _channel.Requests.Count);
    }
}
