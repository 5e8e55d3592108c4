namespace AuthorBot.BotFramework.Schema;

/// <summary>A reaction to a message (like, heart, laugh, ...).</summary>
public class MessageReaction
{
    /// <summary>Creates an empty reaction.</summary>
    public MessageReaction()
    {
    }

    /// <summary>Creates a reaction of the given type.</summary>
    public MessageReaction(string? type)
    {
        Type = type;
    }

    /// <summary>The reaction type.</summary>
    public string? Type { get; set; }
}
