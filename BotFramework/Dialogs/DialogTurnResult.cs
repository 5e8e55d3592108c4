namespace AuthorBot.BotFramework.Dialogs;

/// <summary>What happened to the dialog stack this turn, and the result of a dialog that completed.</summary>
public class DialogTurnResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="status">The stack's status.</param>
    /// <param name="result">The completed dialog's result, if any.</param>
    public DialogTurnResult(DialogTurnStatus status, object? result = null)
    {
        Status = status;
        Result = result;
    }

    /// <summary>The stack's status.</summary>
    public DialogTurnStatus Status { get; }

    /// <summary>The completed dialog's result, if any.</summary>
    public object? Result { get; }
}
