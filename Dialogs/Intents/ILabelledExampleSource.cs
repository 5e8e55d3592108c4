using AuthorBot.Understanding.Intents;

namespace AuthorBot.Dialogs.Intents;

/// <summary>Messages the bot did not understand that the author has since labelled: they join the training data on the next start.</summary>
public interface ILabelledExampleSource
{
    /// <summary>Reads the labelled examples.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The examples, oldest first.</returns>
    Task<IReadOnlyList<IntentExample>> LoadAsync(CancellationToken cancellationToken);
}
