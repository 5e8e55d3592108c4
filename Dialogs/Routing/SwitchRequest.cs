namespace AuthorBot.Dialogs.Routing;

/// <summary>The root dialog's options when it starts over to do one thing: the intent to act on, already understood.</summary>
public sealed class SwitchRequest
{
    /// <summary>The intent.</summary>
    public string Intent { get; set; } = string.Empty;

    /// <summary>Options for the intent's dialog (the hand-off's reason).</summary>
    public string? Options { get; set; }
}
