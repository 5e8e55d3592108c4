using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Connector;

/// <summary>The Bot Connector REST API (<c>v3/conversations…</c>) of one channel endpoint (service URL).</summary>
public interface IConnectorClient
{
    /// <summary>The service URL the client talks to.</summary>
    string ServiceUrl { get; }

    /// <summary>POST v3/conversations: starts a conversation (proactive 1:1, or a channel thread in Teams).</summary>
    Task<ConversationResourceResponse?> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken);

    /// <summary>POST v3/conversations/{conversationId}/activities: appends an activity to the conversation.</summary>
    Task<ResourceResponse?> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>POST v3/conversations/{conversationId}/activities/{activityId}: replies to an activity.</summary>
    Task<ResourceResponse?> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>PUT v3/conversations/{conversationId}/activities/{activityId}: replaces an activity the bot sent.</summary>
    Task<ResourceResponse?> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>DELETE v3/conversations/{conversationId}/activities/{activityId}: deletes an activity the bot sent.</summary>
    Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>GET v3/conversations/{conversationId}/members.</summary>
    Task<IList<ChannelAccount>> GetConversationMembersAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>GET v3/conversations/{conversationId}/members/{memberId}.</summary>
    Task<ChannelAccount?> GetConversationMemberAsync(string conversationId, string memberId, CancellationToken cancellationToken);

    /// <summary>GET v3/conversations/{conversationId}/pagedmembers.</summary>
    Task<PagedMembersResult?> GetConversationPagedMembersAsync(string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>GET v3/conversations/{conversationId}/activities/{activityId}/members.</summary>
    Task<IList<ChannelAccount>> GetActivityMembersAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>DELETE v3/conversations/{conversationId}/members/{memberId}.</summary>
    Task DeleteConversationMemberAsync(string conversationId, string memberId, CancellationToken cancellationToken);
}
