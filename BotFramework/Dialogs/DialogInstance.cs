namespace AuthorBot.BotFramework.Dialogs;

/// <summary>One entry of the dialog stack: which dialog, and its persisted state.</summary>
public class DialogInstance
{
    /// <summary>The dialog's id within its set.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// The dialog's own state. It is stored as JSON, so after a restart values come back as strings, longs, doubles,
    /// booleans, dictionaries and lists; read them with <see cref="DialogStateExtensions.GetValue{T}"/>.
    /// </summary>
    public IDictionary<string, object?> State { get; set; } = new Dictionary<string, object?>(StringComparer.Ordinal);
}
