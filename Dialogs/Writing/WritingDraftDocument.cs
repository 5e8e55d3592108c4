using AuthorBot.BotFramework.State;

namespace AuthorBot.Dialogs.Writing;

/// <summary>An author's two most recent drafts' figures, one storage document per author.</summary>
internal sealed class WritingDraftDocument : IStoreItem
{
    public DraftFigures? Last { get; set; }

    public DraftFigures? Previous { get; set; }

    /// <inheritdoc />
    public string? ETag { get; set; }
}
