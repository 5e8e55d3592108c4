using System.Net;
using System.Text.Json;
using AuthorBot.Bot.Announcements;
using AuthorBot.Bot.Proactive;
using AuthorBot.Bot.Teams;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Teams.Tests;

/// <summary>Teams:AllowedTenants: other tenants get a polite refusal and nothing about them is stored.</summary>
public sealed class TenantTests
{
    private const string PlaygroundTenant = "00000000-0000-4000-8000-000000000001";
    private static readonly ReaderKey _alex = new("msteams", "29:1harness-user-0");

    [Fact]
    public async Task A_message_from_another_tenant_is_refused_and_leaves_no_trace()
    {
        using var data = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(data.Path, "--Teams:AllowedTenants:0=11111111-1111-4111-8111-111111111111");

        var replies = await host.ExpectRepliesAsync(Fixtures.Activity("playground/personal-message.json"));

        Assert.Equal(AllowedTenantsMiddleware.Refusal, Assert.Single(replies).Text);
        await AssertNothingStoredAsync(host);
    }

    [Fact]
    public async Task An_allowed_tenant_is_served_as_usual_whether_listed_or_comma_separated_and_older_payloads_count_too()
    {
        using var data = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(data.Path, $"--Teams:AllowedTenants=11111111-1111-4111-8111-111111111111, {PlaygroundTenant.ToUpperInvariant()}");
        var message = Fixtures.Activity("playground/personal-message.json");
        message.Text = "help";
        var older = Fixtures.Activity("playground/personal-message.json");
        older.Text = "help";
        older.Conversation!.TenantId = null;

        Assert.StartsWith("Here's what I can do", Assert.Single(await host.ExpectRepliesAsync(message)).Text, StringComparison.Ordinal);
        Assert.StartsWith("Here's what I can do", Assert.Single(await host.ExpectRepliesAsync(older)).Text, StringComparison.Ordinal);

        // expectReplies turns keep no reference (their service URL never received anything); a card press does.
        var press = Fixtures.Activity("playground/channel-action-execute-invoke.json");
        using (var pressed = await host.PostAsync(press))
        {
            Assert.True(pressed.IsSuccessStatusCode, $"{(int)pressed.StatusCode}");
        }

        Assert.NotNull(await host.Services.GetRequiredService<ConversationReferenceStore>().FindAsync(new ReaderKey("msteams", press.From!.Id!), CancellationToken.None));
    }

    [Fact]
    public async Task A_card_press_from_another_tenant_gets_the_refusal_under_the_card_and_other_channels_are_not_affected()
    {
        using var data = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(data.Path, "--Teams:AllowedTenants:0=11111111-1111-4111-8111-111111111111");
        var emulator = Fixtures.Activity("playground/personal-message.json");
        emulator.ChannelId = Channels.Emulator;
        emulator.Text = "help";

        using var response = await host.PostAsync(Fixtures.Activity("playground/channel-action-execute-invoke.json"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AllowedTenantsMiddleware.Refusal, body.GetProperty("value").GetString());
        Assert.StartsWith("Here's what I can do", Assert.Single(await host.ExpectRepliesAsync(emulator)).Text, StringComparison.Ordinal);
        await AssertNothingStoredAsync(host);
    }

    internal static async Task AssertNothingStoredAsync(TeamsBotHost host)
    {
        Assert.Null(await host.Services.GetRequiredService<ConversationReferenceStore>().ExportAsync(_alex, CancellationToken.None));
        Assert.Empty(await host.Services.GetRequiredService<ReaderProfileReader>().ReadAsync([_alex], CancellationToken.None));
        var storage = host.Services.GetRequiredService<IStorage>();
        Assert.Empty(await storage.ReadAsync(["msteams/users/29:1harness-user-0", "msteams/conversations/a:1harness-personal-chat", "msteams/conversations/19:harness-group-chat@thread.v2"]));
    }
}
