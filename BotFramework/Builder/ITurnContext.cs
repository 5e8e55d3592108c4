using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Builder;

/// <summary>Everything a bot knows and can do during one turn.</summary>
public interface ITurnContext
{
    /// <summary>The adapter that created this turn.</summary>
    BotAdapter Adapter { get; }

    /// <summary>Per-turn services and values (state caches, invoke response, ...).</summary>
    TurnContextStateCollection TurnState { get; }

    /// <summary>The incoming activity.</summary>
    Activity Activity { get; }

    /// <summary>True once a non-trace activity was sent in this turn.</summary>
    bool Responded { get; }

    /// <summary>Sends a text message to the user.</summary>
    Task<ResourceResponse?> SendActivityAsync(string textReplyToSend, string? speak = null, string inputHint = InputHints.AcceptingInput, CancellationToken cancellationToken = default);

    /// <summary>Sends an activity, addressed as a reply to the incoming one.</summary>
    Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Sends activities in order, addressed as replies to the incoming one.</summary>
    Task<ResourceResponse[]> SendActivitiesAsync(Activity[] activities, CancellationToken cancellationToken = default);

    /// <summary>Replaces a previously sent activity (its <c>Id</c> names it).</summary>
    Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    /// <summary>Deletes a previously sent activity.</summary>
    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the activity named by <paramref name="conversationReference"/>.ActivityId.</summary>
    Task DeleteActivityAsync(ConversationReference conversationReference, CancellationToken cancellationToken = default);

    /// <summary>Registers a handler that sees outgoing activities before they are sent.</summary>
    ITurnContext OnSendActivities(SendActivitiesHandler handler);

    /// <summary>Registers a handler that sees activity updates before they happen.</summary>
    ITurnContext OnUpdateActivity(UpdateActivityHandler handler);

    /// <summary>Registers a handler that sees activity deletions before they happen.</summary>
    ITurnContext OnDeleteActivity(DeleteActivityHandler handler);
}
