using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthorBot.BotFramework.Schema;

/// <summary>Everything needed to send a message into an existing conversation later (proactive messaging).</summary>
public class ConversationReference
{
    /// <summary>The id of the activity this reference was taken from (replies thread under it).</summary>
    public string? ActivityId { get; set; }

    /// <summary>The user in the conversation.</summary>
    public ChannelAccount? User { get; set; }

    /// <summary>The bot in the conversation.</summary>
    public ChannelAccount? Bot { get; set; }

    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The channel id (msteams, emulator, directline, ...).</summary>
    public string? ChannelId { get; set; }

    /// <summary>Locale of the conversation.</summary>
    public string? Locale { get; set; }

    /// <summary>The channel's Connector endpoint.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>Fields this library does not model, kept so they are written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>
    /// Builds the synthetic <c>event</c> activity named <c>ContinueConversation</c> that a proactive turn runs with.
    /// It has no id, so replies sent in that turn go to the conversation (SendToConversation) rather than
    /// threading under an activity the channel never sent.
    /// </summary>
    public Activity GetContinuationActivity() => new()
    {
        Type = ActivityTypes.Event,
        Name = ActivityEventNames.ContinueConversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        Recipient = Bot,
        From = User,
        RelatesTo = this,
    };
}
