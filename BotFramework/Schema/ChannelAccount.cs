using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthorBot.BotFramework.Schema;

/// <summary>A user or bot taking part in a conversation (<c>from</c>, <c>recipient</c>, members).</summary>
public class ChannelAccount
{
    /// <summary>Creates an empty account.</summary>
    public ChannelAccount()
    {
    }

    /// <summary>Creates an account with the given id, name, role and AAD object id.</summary>
    public ChannelAccount(string? id, string? name = null, string? role = null, string? aadObjectId = null)
    {
        Id = id;
        Name = name;
        Role = role;
        AadObjectId = aadObjectId;
    }

    /// <summary>Channel-specific id of the account (e.g. <c>29:…</c> in Teams).</summary>
    public string? Id { get; set; }

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>Azure AD object id, when the channel knows it.</summary>
    public string? AadObjectId { get; set; }

    /// <summary>Role of the account (<see cref="RoleTypes"/>); receivers should not rely on it.</summary>
    public string? Role { get; set; }

    /// <summary>Fields this library does not model, kept so they are written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
