namespace AuthorBot.Dialogs.Content;

/// <summary>What sort of event the author is holding.</summary>
public enum EventKind
{
    /// <summary>A book launch party.</summary>
    Launch,

    /// <summary>An online talk.</summary>
    Webinar,

    /// <summary>A signing at a bookshop.</summary>
    Signing,
}
