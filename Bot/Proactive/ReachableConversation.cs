using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Proactive;

/// <summary>A reader and the conversation a proactive message to them goes to, without the stored reference.</summary>
/// <param name="Reader">The reader.</param>
/// <param name="ConversationId">The conversation's id.</param>
internal sealed record ReachableConversation(ReaderKey Reader, string ConversationId);
