namespace AuthorBot.BotFramework.Builder;

/// <summary>A bot: handles one turn at a time.</summary>
public interface IBot
{
    /// <summary>Handles an incoming activity.</summary>
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}
