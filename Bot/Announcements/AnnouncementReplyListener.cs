using AuthorBot.Bot.Proactive;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// Credits a reader's message to the announcement they were sent in the past 24 hours (and so to its variant). Asks the
/// database only for readers <see cref="RecentDeliveries"/> says may have one to credit: every other message is free.
/// </summary>
internal sealed class AnnouncementReplyListener(AnnouncementEngagementStore store, RecentDeliveries recent) : IReaderActivityListener
{
    public async Task OnReaderActivityAsync(ReaderKey reader, Activity activity, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke
            && await recent.MayCreditAsync(reader, at, cancellationToken).ConfigureAwait(false))
        {
            await store.RecordReplyAsync(reader, at, cancellationToken).ConfigureAwait(false);
        }
    }
}
