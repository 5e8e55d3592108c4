using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthorBot.BotFramework.Schema;

/// <summary>The conversation an activity belongs to.</summary>
public class ConversationAccount
{
    /// <summary>Creates an empty conversation account.</summary>
    public ConversationAccount()
    {
    }

    /// <summary>Creates a conversation account.</summary>
    public ConversationAccount(bool? isGroup = null, string? conversationType = null, string? id = null, string? name = null, string? tenantId = null)
    {
        IsGroup = isGroup;
        ConversationType = conversationType;
        Id = id;
        Name = name;
        TenantId = tenantId;
    }

    /// <summary>Whether the conversation has more than two participants.</summary>
    public bool? IsGroup { get; set; }

    /// <summary>Channel-specific conversation type (Teams: personal, groupChat, channel).</summary>
    public string? ConversationType { get; set; }

    /// <summary>Channel-specific conversation id.</summary>
    public string? Id { get; set; }

    /// <summary>Display name of the conversation.</summary>
    public string? Name { get; set; }

    /// <summary>Azure AD object id.</summary>
    public string? AadObjectId { get; set; }

    /// <summary>Role of the conversation account.</summary>
    public string? Role { get; set; }

    /// <summary>Tenant id (Teams).</summary>
    public string? TenantId { get; set; }

    /// <summary>Fields this library does not model, kept so they are written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
