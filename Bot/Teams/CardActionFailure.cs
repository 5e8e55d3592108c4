using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Routing;

namespace AuthorBot.Bot.Teams;

/// <summary>
/// When answering an Adaptive Card button (Action.Execute) fails, the reader still gets a polite line under the card:
/// left alone, the invoke would answer 501 and Teams would show a generic error.
/// </summary>
internal static partial class CardActionFailure
{
    public const string Apology = "Sorry, that didn't work on my side. Please try the button again in a moment.";

    /// <summary>Wraps the adapter's turn-error handler: card-action invokes get the apology as their answer, other turns the handler.</summary>
    public static Func<ITurnContext, Exception, Task> Around(Func<ITurnContext, Exception, Task>? inner, ILogger logger) =>
        async (turnContext, exception) =>
        {
            var activity = turnContext.Activity;
            if (activity.Type == ActivityTypes.Invoke && activity.Name == AdaptiveCardInvokeValue.InvokeName)
            {
                LogFailed(logger, exception, activity.Conversation?.Id);
                turnContext.TurnState.Set(
                    BotAdapter.InvokeResponseKey,
                    InvokeResponse.Create(200, CardActionResponses.Message(Apology), BotJsonContext.Default.AdaptiveCardInvokeResponse));
                return;
            }

            if (inner is not null)
            {
                await inner(turnContext, exception).ConfigureAwait(false);
            }
        };

    [LoggerMessage(Level = LogLevel.Error, Message = "An Adaptive Card action failed in conversation {ConversationId}; the reader was told to try again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string? conversationId);
}
