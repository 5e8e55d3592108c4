namespace AuthorBot.BotFramework.Schema;

/// <summary>Wire values of <c>deliveryMode</c>.</summary>
public static class DeliveryModes
{
    /// <summary>"normal".</summary>
    public const string Normal = "normal";

    /// <summary>"notification".</summary>
    public const string Notification = "notification";

    /// <summary>"expectReplies".</summary>
    public const string ExpectReplies = "expectReplies";

    /// <summary>"ephemeral".</summary>
    public const string Ephemeral = "ephemeral";
}
