namespace AuthorBot.BotFramework.Dialogs;

/// <summary>The dialog stack of a conversation (top of the stack first); kept in conversation state through an accessor.</summary>
public class DialogState
{
    /// <summary>Creates an empty stack.</summary>
    public DialogState()
    {
    }

    /// <summary>Creates a state over an existing stack.</summary>
    /// <param name="stack">The stack, top first.</param>
    public DialogState(IList<DialogInstance>? stack)
    {
        DialogStack = stack ?? [];
    }

    /// <summary>The stack, top first.</summary>
    public IList<DialogInstance> DialogStack { get; set; } = [];
}
