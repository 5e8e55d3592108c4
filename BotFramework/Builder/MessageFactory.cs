using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Builder;

/// <summary>Builds common message activities (Bot Builder's MessageFactory).</summary>
public static class MessageFactory
{
    /// <summary>A text message.</summary>
    public static Activity Text(string? text, string? ssml = null, string? inputHint = null) =>
        Message(text, ssml, inputHint);

    /// <summary>A message with imBack suggested actions whose titles and values are <paramref name="actions"/>.</summary>
    public static Activity SuggestedActions(IEnumerable<string> actions, string? text = null, string? ssml = null, string? inputHint = null)
    {
        ArgumentNullException.ThrowIfNull(actions);
        return SuggestedActions(actions.Select(a => new CardAction(ActionTypes.ImBack, a, a)), text, ssml, inputHint);
    }

    /// <summary>A message with the given suggested actions.</summary>
    public static Activity SuggestedActions(IEnumerable<CardAction> cardActions, string? text = null, string? ssml = null, string? inputHint = null)
    {
        ArgumentNullException.ThrowIfNull(cardActions);
        var activity = Message(text, ssml, inputHint);
        activity.SuggestedActions = new SuggestedActions(null, cardActions.ToList());
        return activity;
    }

    /// <summary>A message carrying one attachment (a card, a file).</summary>
    public static Activity Attachment(Attachment attachment, string? text = null, string? ssml = null, string? inputHint = null)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return Attachment([attachment], text, ssml, inputHint);
    }

    /// <summary>A message carrying attachments shown as a list.</summary>
    public static Activity Attachment(IEnumerable<Attachment> attachments, string? text = null, string? ssml = null, string? inputHint = null) =>
        WithAttachments(attachments, AttachmentLayoutTypes.List, text, ssml, inputHint);

    /// <summary>A message carrying attachments shown as a carousel (channels without one show a list).</summary>
    public static Activity Carousel(IEnumerable<Attachment> attachments, string? text = null, string? ssml = null, string? inputHint = null) =>
        WithAttachments(attachments, AttachmentLayoutTypes.Carousel, text, ssml, inputHint);

    /// <summary>A message carrying a file or image by URL.</summary>
    public static Activity ContentUrl(string url, string contentType, string? name = null, string? text = null, string? ssml = null, string? inputHint = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        return Attachment(new Attachment(contentType, url, name: name), text, ssml, inputHint);
    }

    private static Activity WithAttachments(IEnumerable<Attachment> attachments, string layout, string? text, string? ssml, string? inputHint)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var activity = Message(text, ssml, inputHint);
        activity.AttachmentLayout = layout;
        activity.Attachments = attachments.ToList();
        return activity;
    }

    // Senders should not send empty strings (spec A2004), so absent text stays absent.
    private static Activity Message(string? text, string? ssml, string? inputHint) => new(ActivityTypes.Message)
    {
        Text = string.IsNullOrEmpty(text) ? null : text,
        Speak = string.IsNullOrEmpty(ssml) ? null : ssml,
        InputHint = inputHint ?? InputHints.AcceptingInput,
    };
}
