using System.Text.Json;

namespace AuthorBot.BotFramework.Schema;

/// <summary>The body of CreateConversation (<c>POST v3/conversations</c>).</summary>
public class ConversationParameters
{
    /// <summary>Whether this is a group conversation.</summary>
    public bool? IsGroup { get; set; }

    /// <summary>The bot starting the conversation.</summary>
    public ChannelAccount? Bot { get; set; }

    /// <summary>Members to add (for a 1:1 chat, the user).</summary>
    public IList<ChannelAccount>? Members { get; set; }

    /// <summary>Topic of the conversation, where the channel supports it.</summary>
    public string? TopicName { get; set; }

    /// <summary>Tenant to create the conversation in (Teams).</summary>
    public string? TenantId { get; set; }

    /// <summary>An initial activity to post when the conversation is created.</summary>
    public Activity? Activity { get; set; }

    /// <summary>Channel-specific payload (Teams: <c>{"tenant":{"id":…}}</c>, <c>{"channel":{"id":…}}</c>).</summary>
    public JsonElement? ChannelData { get; set; }
}
