using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.DirectLine;

/// <summary>
/// Files uploaded through this host's Direct Line (<see cref="DirectLineUpload"/>), read straight from the attachment
/// store rather than over HTTP: the activity's <c>contentUrl</c> ends in <c>/attachments/{id}</c>, and the file must
/// belong to the turn's own conversation, as it must when a client fetches it.
/// </summary>
internal sealed class DirectLineAttachmentSource(DirectLineAttachmentStore store) : IAttachmentSource
{
    private const string Segment = "/attachments/";

    public async Task<Stream?> OpenAsync(ITurnContext turnContext, Attachment attachment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(attachment);
        if (!string.Equals(turnContext.Activity.ChannelId, "directline", StringComparison.Ordinal)
            || attachment.ContentUrl is not { Length: > 0 } url
            || !Uri.TryCreate(url, UriKind.RelativeOrAbsolute, out var uri))
        {
            return null;
        }

        var path = uri.IsAbsoluteUri ? uri.AbsolutePath : url.Split('?', 2)[0];
        var at = path.LastIndexOf(Segment, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var stored = await store.FindAsync(path[(at + Segment.Length)..], cancellationToken).ConfigureAwait(false);
        return stored is not null && string.Equals(stored.ConversationId, turnContext.Activity.Conversation?.Id, StringComparison.Ordinal)
            ? store.OpenRead(stored)
            : null;
    }
}
