using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Connector;

/// <summary>
/// A Connector client that creates the real one on first use, so turns that never call the Connector
/// (expectReplies, invoke, silent turns) pay nothing for having one in TurnState.
/// </summary>
internal sealed class LazyConnectorClient(IConnectorClientFactory factory, string serviceUrl) : IConnectorClient
{
    private IConnectorClient? _client;

    public string ServiceUrl => serviceUrl;

    private IConnectorClient Client => _client ??= factory.Create(serviceUrl);

    public Task<ConversationResourceResponse?> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken) =>
        Client.CreateConversationAsync(parameters, cancellationToken);

    public Task<ResourceResponse?> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken) =>
        Client.SendToConversationAsync(conversationId, activity, cancellationToken);

    public Task<ResourceResponse?> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Client.ReplyToActivityAsync(conversationId, activityId, activity, cancellationToken);

    public Task<ResourceResponse?> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Client.UpdateActivityAsync(conversationId, activityId, activity, cancellationToken);

    public Task DeleteActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        Client.DeleteActivityAsync(conversationId, activityId, cancellationToken);

    public Task<IList<ChannelAccount>> GetConversationMembersAsync(string conversationId, CancellationToken cancellationToken) =>
        Client.GetConversationMembersAsync(conversationId, cancellationToken);

    public Task<ChannelAccount?> GetConversationMemberAsync(string conversationId, string memberId, CancellationToken cancellationToken) =>
        Client.GetConversationMemberAsync(conversationId, memberId, cancellationToken);

    public Task<PagedMembersResult?> GetConversationPagedMembersAsync(string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        Client.GetConversationPagedMembersAsync(conversationId, pageSize, continuationToken, cancellationToken);

    public Task<IList<ChannelAccount>> GetActivityMembersAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        Client.GetActivityMembersAsync(conversationId, activityId, cancellationToken);

    public Task DeleteConversationMemberAsync(string conversationId, string memberId, CancellationToken cancellationToken) =>
        Client.DeleteConversationMemberAsync(conversationId, memberId, cancellationToken);
}
