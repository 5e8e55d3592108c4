using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthorBot.BotFramework.Schema;

/// <summary>
/// Metadata attached to an activity (mention, clientInfo, GeoCoordinates, ...). Only <c>type</c> is modelled;
/// every other field lives in <see cref="Properties"/>.
/// </summary>
public class Entity
{
    /// <summary>Creates an empty entity.</summary>
    public Entity()
    {
    }

    /// <summary>Creates an entity of the given type.</summary>
    public Entity(string? type)
    {
        Type = type;
    }

    /// <summary>The entity type; receivers ignore types they do not know.</summary>
    public string? Type { get; set; }

    /// <summary>The entity's other fields.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
