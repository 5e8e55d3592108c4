namespace AuthorBot.BotFramework.Dialogs;

/// <summary>
/// The stored dialog stack names a dialog this bot does not have (typically renamed or removed by a deploy).
/// <see cref="DialogExtensions.RunAsync"/> recovers by clearing the stack and starting over.
/// </summary>
public sealed class StoredDialogNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public StoredDialogNotFoundException()
        : this("The stored dialog stack names a dialog that is not registered.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public StoredDialogNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StoredDialogNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The unknown dialog id.</summary>
    public string DialogId { get; init; } = string.Empty;

    internal static StoredDialogNotFoundException For(string dialogId) =>
        new($"The dialog stack refers to dialog '{dialogId}', which is not registered (renamed or removed since the state was saved?).")
        {
            DialogId = dialogId,
        };
}
