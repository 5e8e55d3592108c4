namespace AuthorBot.BotFramework.Builder;

/// <summary>The bot logic an adapter runs for one turn, after the middleware.</summary>
/// <param name="turnContext">The turn.</param>
/// <param name="cancellationToken">Cancels the turn.</param>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);
