using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;

namespace AuthorBot.Bot.Proactive;

/// <summary>Where a proactive message to one reader goes: the conversation and the adapter that reaches it.</summary>
/// <param name="Reader">The reader.</param>
/// <param name="Adapter">Which adapter captured the reference (<see cref="ProactiveAdapters"/>).</param>
/// <param name="Reference">The stored conversation reference.</param>
internal sealed record ProactiveTarget(ReaderKey Reader, string Adapter, ConversationReference Reference)
{
    public string ConversationId => Reference.Conversation?.Id ?? string.Empty;
}
