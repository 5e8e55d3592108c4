using System.Text.Json;
using AuthorBot.Bot.Announcements;
using AuthorBot.BotFramework.Hosting;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Bot.Proactive;

/// <summary>
/// Opens the one-to-one Teams chat with a reader the bot knows only from a team or a group chat (they installed the app
/// there, or talked to it there), so announcements and reminders reach them privately rather than in front of the team.
/// CreateConversation goes through the Connector client, so Teams' per-tenant limit paces it like any send. The new
/// chat's reference is stored, and later messages go straight to it.
/// </summary>
internal sealed class TeamsPersonalChats(CloudAdapter adapter, ConversationReferenceStore references, TimeProvider time)
{
    /// <summary>Whether a proactive message to <paramref name="target"/> needs a personal chat first.</summary>
    public static bool Needed(ProactiveTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var reference = target.Reference;
        return target.Adapter == ProactiveAdapters.Connector
            && string.Equals(reference.ChannelId, Channels.Msteams, StringComparison.Ordinal)
            && ConversationTypes.IsGroup(reference.Conversation);
    }

    /// <summary>Creates the reader's personal chat (tenant id, the reader's id, the bot) and returns it as the new target.</summary>
    /// <exception cref="BotFramework.Connector.ConnectorException">Teams refused (e.g. 403: the app is not installed for the reader).</exception>
    public async Task<ProactiveTarget> OpenAsync(ProactiveTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var group = target.Reference;
        var tenantId = group.Conversation?.TenantId;
        var user = group.User ?? throw new InvalidOperationException("The stored reference names no reader.");
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = group.Bot,
            Members = [new ChannelAccount(user.Id, user.Name, aadObjectId: user.AadObjectId)],
            TenantId = tenantId,
            ChannelData = tenantId is null ? null : JsonSerializer.SerializeToElement(
                new Dictionary<string, Dictionary<string, string>> { ["tenant"] = new() { ["id"] = tenantId } },
                AnnouncementRenderJsonContext.Default.DictionaryStringDictionaryStringString),
        };

        ConversationReference? created = null;
        await adapter.CreateConversationAsync(
            group.ChannelId!,
            group.ServiceUrl!,
            parameters,
            (turnContext, _) =>
            {
                created = turnContext.Activity.GetConversationReference();
                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);

        if (created is null)
        {
            throw new InvalidOperationException("The personal chat was created, but no turn ran in it to read its address from.");
        }

        created.ActivityId = null;
        created.Locale ??= group.Locale;
        created.Conversation!.ConversationType ??= ConversationTypes.Personal;
        await references.CaptureAsync(ProactiveAdapters.Connector, created, active: false, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return new ProactiveTarget(target.Reader, ProactiveAdapters.Connector, created);
    }
}
