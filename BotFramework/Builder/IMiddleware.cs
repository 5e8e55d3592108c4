namespace AuthorBot.BotFramework.Builder;

/// <summary>A step that runs before (and, after awaiting <c>next</c>, after) the bot on every turn.</summary>
public interface IMiddleware
{
    /// <summary>Processes the turn; call <paramref name="next"/> to continue the pipeline, or skip it to short-circuit.</summary>
    Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default);
}
