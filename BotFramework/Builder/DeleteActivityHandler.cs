using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Builder;

/// <summary>Intercepts an activity deletion; <paramref name="reference"/>.ActivityId names the activity. Call <paramref name="next"/> to delete it.</summary>
public delegate Task DeleteActivityHandler(ITurnContext turnContext, ConversationReference reference, Func<Task> next);
