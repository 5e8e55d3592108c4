using AuthorBot.Bot.Proactive;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Teams.Tests;

/// <summary>Installs, member changes and uninstalls as Teams sends them, against the real host.</summary>
public sealed class InstallationTests
{
    [Fact]
    public async Task A_personal_install_sends_one_welcome_for_the_install_and_its_conversation_update()
    {
        using var data = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(data.Path);
        var update = Fixtures.Activity("playground/personal-conversation-update-members-added.json");
        var install = Install(update, InstallationUpdateActionTypes.Add);

        var first = await host.ExpectRepliesAsync(install);
        var second = await host.ExpectRepliesAsync(update);
        var again = await host.ExpectRepliesAsync(Install(update, InstallationUpdateActionTypes.Add));

        var welcome = Assert.Single(first);
        Assert.Contains("Hi! I'm AuthorBot", ActivityTexts.Of(welcome), StringComparison.Ordinal);
        Assert.Empty(second);
        Assert.Empty(again);
    }

    [Fact]
    public async Task The_bot_added_to_a_group_chat_introduces_itself_in_one_line_and_new_members_get_no_menu()
    {
        using var data = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(data.Path);
        var botAdded = GroupUpdate();
        botAdded.MembersAdded = [new ChannelAccount(botAdded.Recipient!.Id)];

        var intro = Assert.Single(await host.ExpectRepliesAsync(botAdded));
        var userAdded = GroupUpdate();
        userAdded.MembersAdded = [new ChannelAccount("29:1harness-user-2", aadObjectId: "00000000-0000-4000-8000-000000000022")];

        Assert.Equal("Hi everyone, I'm Test Bot, the author's assistant: mention @Test Bot with \"help\" to see what I can do for you.", intro.Text);
        Assert.DoesNotContain('\n', intro.Text!);
        Assert.Null(intro.Attachments);
        Assert.Empty(await host.ExpectRepliesAsync(userAdded));
    }

    [Fact]
    public async Task Removing_the_bot_from_a_team_forgets_every_reference_taken_there_including_thread_ones()
    {
        using var data = new TempFolder();
        await using var host = await TeamsBotHost.StartAsync(data.Path);
        var store = host.Services.GetRequiredService<ConversationReferenceStore>();
        var invoke = Fixtures.Activity("playground/channel-action-execute-invoke.json");
        var reader = new ReaderKey("msteams", invoke.From!.Id!);

        // A card press in the channel's thread (answered in the HTTP response, but not an expectReplies turn, whose
        // service URL is never kept) is what leaves a reference there.
        using (var pressed = await host.PostAsync(invoke))
        {
            Assert.True(pressed.IsSuccessStatusCode, $"{(int)pressed.StatusCode}");
        }
        Assert.Equal(invoke.Conversation!.Id, (await store.FindAsync(reader, CancellationToken.None))?.ConversationId);

        var removed = GroupUpdate();
        removed.Conversation = new ConversationAccount(true, ConversationTypes.Channel, "19:harness-team-general@thread.tacv2", tenantId: invoke.Conversation.TenantId);
        removed.MembersRemoved = [new ChannelAccount(removed.Recipient!.Id)];
        await host.ExpectRepliesAsync(removed);

        Assert.Null(await store.FindAsync(reader, CancellationToken.None));
    }

    private static Activity Install(Activity update, string action)
    {
        var install = Fixtures.Activity("playground/personal-conversation-update-members-added.json");
        install.Type = ActivityTypes.InstallationUpdate;
        install.Id = Guid.NewGuid().ToString();
        install.MembersAdded = null;
        install.Action = action;
        install.Conversation = update.Conversation;
        return install;
    }

    private static Activity GroupUpdate()
    {
        var message = Fixtures.Activity("playground/group-message-mention.json");
        return new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = Guid.NewGuid().ToString(),
            ChannelId = message.ChannelId,
            ServiceUrl = message.ServiceUrl,
            From = message.From,
            Recipient = message.Recipient,
            Conversation = message.Conversation,
            ChannelData = message.ChannelData,
        };
    }
}
