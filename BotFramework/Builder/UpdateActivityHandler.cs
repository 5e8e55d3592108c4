using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Builder;

/// <summary>Intercepts an activity update; call <paramref name="next"/> to perform it.</summary>
public delegate Task<ResourceResponse?> UpdateActivityHandler(ITurnContext turnContext, Activity activity, Func<Task<ResourceResponse?>> next);
