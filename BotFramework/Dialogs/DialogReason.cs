namespace AuthorBot.BotFramework.Dialogs;

/// <summary>Why a dialog is being resumed or ended.</summary>
public enum DialogReason
{
    /// <summary>A dialog was started.</summary>
    BeginCalled,

    /// <summary>A dialog was continued by the user's message.</summary>
    ContinueCalled,

    /// <summary>A dialog ended normally.</summary>
    EndCalled,

    /// <summary>A dialog was replaced by another.</summary>
    ReplaceCalled,

    /// <summary>A dialog was cancelled.</summary>
    CancelCalled,

    /// <summary>A waterfall step called NextAsync.</summary>
    NextCalled,
}
