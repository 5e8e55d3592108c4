namespace AuthorBot.Dialogs.Recommendations;

/// <summary>Where a reader is in a list of books; kept in dialog state, so it survives a restart.</summary>
internal sealed class BrowseState
{
    /// <summary>Every book shown since the flow started, so "more" brings new ones.</summary>
    public List<string> Shown { get; set; } = [];

    /// <summary>The books on screen, in card order ("not for me 2" means the second).</summary>
    public List<string> Current { get; set; } = [];

    /// <summary>The book the reader last pressed or asked about: "why this one?" means it.</summary>
    public string? Focus { get; set; }

    /// <summary>Whether the next step shows a new list (rather than waiting for the reply to this one).</summary>
    public bool ShowList { get; set; } = true;

    /// <summary>Replies in a row we did not understand.</summary>
    public int Misses { get; set; }
}
