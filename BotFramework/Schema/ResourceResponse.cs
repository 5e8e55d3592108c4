namespace AuthorBot.BotFramework.Schema;

/// <summary>The id of a resource the channel created (e.g. a sent activity).</summary>
public class ResourceResponse
{
    /// <summary>Creates an empty response.</summary>
    public ResourceResponse()
    {
    }

    /// <summary>Creates a response with the given id.</summary>
    public ResourceResponse(string? id)
    {
        Id = id;
    }

    /// <summary>The resource id; null when the channel assigned none (e.g. buffered expectReplies).</summary>
    public string? Id { get; set; }
}
