using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Proactive;

/// <summary>Told when a reader does something on their own (a message, a button, a reaction), e.g. to credit a reply to an announcement.</summary>
internal interface IReaderActivityListener
{
    /// <summary>Called after the reader's reference was captured, before the bot runs.</summary>
    Task OnReaderActivityAsync(ReaderKey reader, Activity activity, DateTimeOffset at, CancellationToken cancellationToken);
}
