using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Builder;

/// <summary>
/// Where a turn's attached files can be read from: a flow asks for an attachment's bytes without knowing which channel
/// stored it or how. Channels that keep files themselves register one.
/// </summary>
public interface IAttachmentSource
{
    /// <summary>Opens <paramref name="attachment"/> of the turn's message for reading.</summary>
    /// <param name="turnContext">The turn the attachment came with; only its own conversation's files are opened.</param>
    /// <param name="attachment">The attachment.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The file's bytes (the caller disposes them), or null when this source does not hold the file.</returns>
    Task<Stream?> OpenAsync(ITurnContext turnContext, Attachment attachment, CancellationToken cancellationToken);
}
