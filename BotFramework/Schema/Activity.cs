using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthorBot.BotFramework.Schema;

/// <summary>
/// The Bot Framework Activity: every message, event and notification exchanged between a channel and a bot.
/// Field names and meanings follow the Connector swagger; unknown fields are kept in <see cref="Properties"/>.
/// </summary>
public partial class Activity
{
    /// <summary>Creates an empty activity.</summary>
    public Activity()
    {
    }

    /// <summary>Creates an activity of the given type.</summary>
    public Activity(string? type)
    {
        Type = type;
    }

    /// <summary>The activity type (<see cref="ActivityTypes"/>); compared ordinally.</summary>
    public string? Type { get; set; }

    /// <summary>Channel-assigned id.</summary>
    public string? Id { get; set; }

    /// <summary>When the channel received or sent the activity (UTC).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Sender's local time, with its offset.</summary>
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>IANA time zone name of the sender.</summary>
    public string? LocalTimezone { get; set; }

    /// <summary>Who called the bot, as established by authentication (filled by the bot, discarded on the wire by receivers).</summary>
    public string? CallerId { get; set; }

    /// <summary>The channel's Connector endpoint; replies go there.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The channel id (<see cref="Channels"/>).</summary>
    public string? ChannelId { get; set; }

    /// <summary>The sender.</summary>
    public ChannelAccount? From { get; set; }

    /// <summary>The conversation.</summary>
    public ConversationAccount? Conversation { get; set; }

    /// <summary>The recipient.</summary>
    public ChannelAccount? Recipient { get; set; }

    /// <summary>Format of <see cref="Text"/> (<see cref="TextFormatTypes"/>).</summary>
    public string? TextFormat { get; set; }

    /// <summary>How multiple attachments are laid out (<see cref="AttachmentLayoutTypes"/>).</summary>
    public string? AttachmentLayout { get; set; }

    /// <summary>Members that joined (conversationUpdate).</summary>
    public IList<ChannelAccount>? MembersAdded { get; set; }

    /// <summary>Members that left (conversationUpdate).</summary>
    public IList<ChannelAccount>? MembersRemoved { get; set; }

    /// <summary>Reactions added (messageReaction).</summary>
    public IList<MessageReaction>? ReactionsAdded { get; set; }

    /// <summary>Reactions removed (messageReaction).</summary>
    public IList<MessageReaction>? ReactionsRemoved { get; set; }

    /// <summary>Updated topic name of the conversation (conversationUpdate).</summary>
    public string? TopicName { get; set; }

    /// <summary>Whether prior history is disclosed (deprecated, kept for round-trips).</summary>
    public bool? HistoryDisclosed { get; set; }

    /// <summary>BCP-47 locale of the text.</summary>
    public string? Locale { get; set; }

    /// <summary>The text content.</summary>
    public string? Text { get; set; }

    /// <summary>SSML or text to speak.</summary>
    public string? Speak { get; set; }

    /// <summary>Whether the bot expects input after this activity (<see cref="InputHints"/>).</summary>
    public string? InputHint { get; set; }

    /// <summary>Text to show when the channel cannot render the attachments.</summary>
    public string? Summary { get; set; }

    /// <summary>Quick replies.</summary>
    public SuggestedActions? SuggestedActions { get; set; }

    /// <summary>Attachments (files, cards).</summary>
    public IList<Attachment>? Attachments { get; set; }

    /// <summary>Entities (mentions, client info, places, ...).</summary>
    public IList<Entity>? Entities { get; set; }

    /// <summary>Channel-specific payload.</summary>
    public JsonElement? ChannelData { get; set; }

    /// <summary>installationUpdate / contactRelationUpdate action (<see cref="InstallationUpdateActionTypes"/>).</summary>
    public string? Action { get; set; }

    /// <summary>Id of the activity this one replies to.</summary>
    public string? ReplyToId { get; set; }

    /// <summary>Descriptive label (trace).</summary>
    public string? Label { get; set; }

    /// <summary>Type of <see cref="Value"/> (trace).</summary>
    public string? ValueType { get; set; }

    /// <summary>Programmatic payload (card submits, invoke and event parameters).</summary>
    public JsonElement? Value { get; set; }

    /// <summary>Name of the event or invoke operation.</summary>
    public string? Name { get; set; }

    /// <summary>Reference to another conversation or activity.</summary>
    public ConversationReference? RelatesTo { get; set; }

    /// <summary>endOfConversation code (<see cref="EndOfConversationCodes"/>).</summary>
    public string? Code { get; set; }

    /// <summary>When the activity should be considered expired.</summary>
    public DateTimeOffset? Expiration { get; set; }

    /// <summary>Importance (low, normal, high).</summary>
    public string? Importance { get; set; }

    /// <summary>Delivery hint (<see cref="DeliveryModes"/>).</summary>
    public string? DeliveryMode { get; set; }

    /// <summary>Fields this library does not model (listenFor, textHighlights, semanticAction, channel extras), written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
