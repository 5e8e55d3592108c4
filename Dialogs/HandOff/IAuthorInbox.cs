namespace AuthorBot.Dialogs.HandOff;

/// <summary>The inbox the author reads: messages readers asked the bot to pass on.</summary>
public interface IAuthorInbox
{
    /// <summary>Delivers a message to the inbox.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The message's id in the inbox.</returns>
    Task<string> AddAsync(AuthorInboxMessage message, CancellationToken cancellationToken);
}
