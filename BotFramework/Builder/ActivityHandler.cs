using System.Text.Json;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Builder;

/// <summary>
/// A bot that dispatches each activity to a virtual method by type (and, for some types, by name or action).
/// Override the methods you need; the defaults do nothing, and unknown activity types are ignored politely.
/// </summary>
public class ActivityHandler : IBot
{
    private const int NotImplemented = 501;

    /// <inheritdoc/>
    public virtual async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.MessageReaction:
                await OnMessageReactionActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Event:
                await OnEventActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Invoke:
                var invokeResponse = await OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);

                // A response sent explicitly during the turn wins over the return value.
                if (invokeResponse is not null && !turnContext.TurnState.ContainsKey(BotAdapter.InvokeResponseKey))
                {
                    turnContext.TurnState.Set(BotAdapter.InvokeResponseKey, invokeResponse);
                }

                break;
            case ActivityTypes.EndOfConversation:
                await OnEndOfConversationActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Typing:
                await OnTypingActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.InstallationUpdate:
                await OnInstallationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.MessageUpdate:
                await OnMessageUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.MessageDelete:
                await OnMessageDeleteActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Handles a message activity.</summary>
    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Handles a conversationUpdate: calls <see cref="OnMembersAddedAsync"/> / <see cref="OnMembersRemovedAsync"/>
    /// with the members other than the bot itself (the activity's recipient), when there are any.
    /// </summary>
    protected virtual async Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        var added = ExceptBot(activity.MembersAdded, botId);
        if (added is not null)
        {
            await OnMembersAddedAsync(added, turnContext, cancellationToken).ConfigureAwait(false);
        }

        var removed = ExceptBot(activity.MembersRemoved, botId);
        if (removed is not null)
        {
            await OnMembersRemovedAsync(removed, turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Handles members (other than the bot) joining the conversation; a good place for a welcome.</summary>
    protected virtual Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles members (other than the bot) leaving the conversation.</summary>
    protected virtual Task OnMembersRemovedAsync(IList<ChannelAccount> membersRemoved, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles a messageReaction: dispatches added and removed reactions.</summary>
    protected virtual async Task OnMessageReactionActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (activity.ReactionsAdded is { Count: > 0 } added)
        {
            await OnReactionsAddedAsync(added, turnContext, cancellationToken).ConfigureAwait(false);
        }

        if (activity.ReactionsRemoved is { Count: > 0 } removed)
        {
            await OnReactionsRemovedAsync(removed, turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Handles reactions added to a message (the message id is in <c>replyToId</c>).</summary>
    protected virtual Task OnReactionsAddedAsync(IList<MessageReaction> messageReactions, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles reactions removed from a message.</summary>
    protected virtual Task OnReactionsRemovedAsync(IList<MessageReaction> messageReactions, ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles an event activity: <c>tokens/response</c> goes to <see cref="OnTokenResponseEventAsync"/>, others to <see cref="OnEventAsync"/>.</summary>
    protected virtual Task OnEventActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return string.Equals(turnContext.Activity.Name, ActivityEventNames.TokenResponse, StringComparison.Ordinal)
            ? OnTokenResponseEventAsync(turnContext, cancellationToken)
            : OnEventAsync(turnContext, cancellationToken);
    }

    /// <summary>Handles the OAuth <c>tokens/response</c> event.</summary>
    protected virtual Task OnTokenResponseEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles any other event (e.g. <c>webchat/join</c>, <c>ContinueConversation</c>).</summary>
    protected virtual Task OnEventAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Handles an invoke activity and returns the response for the HTTP answer. <c>adaptiveCard/action</c> goes to
    /// <see cref="OnAdaptiveCardInvokeAsync"/> (after checking it is an <c>Action.Execute</c>); anything else answers
    /// 501 Not Implemented, which is what channels expect for invokes a bot does not know.
    /// </summary>
    protected virtual async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!string.Equals(turnContext.Activity.Name, AdaptiveCardInvokeValue.InvokeName, StringComparison.Ordinal))
        {
            return new InvokeResponse(NotImplemented);
        }

        var (value, error) = ReadAdaptiveCardInvokeValue(turnContext.Activity);
        if (error is not null)
        {
            return InvokeResponse.Create(error.StatusCode, error, BotJsonContext.Default.AdaptiveCardInvokeResponse);
        }

        var response = await OnAdaptiveCardInvokeAsync(turnContext, value!, cancellationToken).ConfigureAwait(false);
        return response is null
            ? new InvokeResponse(NotImplemented)
            : InvokeResponse.Create(200, response, BotJsonContext.Default.AdaptiveCardInvokeResponse);
    }

    /// <summary>
    /// Handles an Adaptive Card <c>Action.Execute</c> (Teams Universal Actions). Return the new card, a message or an
    /// error; the default returns null, which answers 501.
    /// </summary>
    protected virtual Task<AdaptiveCardInvokeResponse?> OnAdaptiveCardInvokeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        Task.FromResult<AdaptiveCardInvokeResponse?>(null);

    /// <summary>Handles endOfConversation.</summary>
    protected virtual Task OnEndOfConversationActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles typing.</summary>
    protected virtual Task OnTypingActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles installationUpdate: <c>add</c>/<c>add-upgrade</c> and <c>remove</c>/<c>remove-upgrade</c>.</summary>
    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.Action switch
        {
            InstallationUpdateActionTypes.Add or InstallationUpdateActionTypes.AddUpgrade => OnInstallationUpdateAddAsync(turnContext, cancellationToken),
            InstallationUpdateActionTypes.Remove or InstallationUpdateActionTypes.RemoveUpgrade => OnInstallationUpdateRemoveAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>Handles the bot being installed (a good moment to store the conversation reference).</summary>
    protected virtual Task OnInstallationUpdateAddAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles the bot being uninstalled.</summary>
    protected virtual Task OnInstallationUpdateRemoveAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles messageUpdate (a user edited a message).</summary>
    protected virtual Task OnMessageUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles messageDelete (a user deleted a message).</summary>
    protected virtual Task OnMessageDeleteActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Handles activity types this class does not know; the default ignores them.</summary>
    protected virtual Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    private static (AdaptiveCardInvokeValue? Value, AdaptiveCardInvokeResponse? Error) ReadAdaptiveCardInvokeValue(Activity activity)
    {
        AdaptiveCardInvokeValue? value = null;
        if (activity.Value is { ValueKind: JsonValueKind.Object } raw)
        {
            try
            {
                value = raw.Deserialize(BotJsonContext.Default.AdaptiveCardInvokeValue);
            }
            catch (JsonException)
            {
                value = null;
            }
        }

        if (value?.Action is null)
        {
            return (null, Error(400, "BadRequest", "Value or value.action is missing or malformed."));
        }

        if (!string.Equals(value.Action.Type, "Action.Execute", StringComparison.Ordinal))
        {
            return (null, Error(400, "NotSupported", $"The action '{value.Action.Type}' is not supported."));
        }

        return (value, null);
    }

    private static AdaptiveCardInvokeResponse Error(int status, string code, string message) => new()
    {
        StatusCode = status,
        Type = AdaptiveCardInvokeResponse.ErrorType,
        Value = JsonSerializer.SerializeToElement(new Error { Code = code, Message = message }, BotJsonContext.Default.Error),
    };

    private static List<ChannelAccount>? ExceptBot(IList<ChannelAccount>? members, string? botId)
    {
        if (members is null || members.Count == 0)
        {
            return null;
        }

        List<ChannelAccount>? others = null;
        foreach (var member in members)
        {
            if (!string.Equals(member.Id, botId, StringComparison.Ordinal))
            {
                (others ??= new List<ChannelAccount>(members.Count)).Add(member);
            }
        }

        return others;
    }
}
