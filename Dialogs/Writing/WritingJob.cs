using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Dialogs.Writing;

/// <summary>A long manuscript waiting for the background analysis, and the conversation its progress and card go to.</summary>
/// <param name="Adapter">The adapter of the turn it came in on (Direct Line, Connector).</param>
/// <param name="Reference">The conversation.</param>
/// <param name="Author">Whose draft it is.</param>
/// <param name="Text">The manuscript.</param>
/// <param name="Words">Its length in words, as first counted.</param>
internal sealed record WritingJob(BotAdapter Adapter, ConversationReference Reference, ReaderKey Author, string Text, int Words);
