using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>What a reader's message means while they look at a list of books.</summary>
internal enum BrowseCommand
{
    /// <summary>Nothing we understood.</summary>
    Unknown,

    /// <summary>"Sounds good", "Not for me" or "Already read" for one book.</summary>
    Feedback,

    /// <summary>A new list.</summary>
    More,

    /// <summary>"Why this one?"</summary>
    Why,

    /// <summary>Finished.</summary>
    Done,
}

/// <summary>A parsed reply.</summary>
/// <param name="Command">What the reader wants.</param>
/// <param name="Kind">The feedback, for <see cref="BrowseCommand.Feedback"/>.</param>
/// <param name="BookId">The book the reply names, when it names one we know.</param>
/// <param name="NamedUnknownBook">True when the reply named a book that is not on screen.</param>
/// <param name="Candidates">Books on screen the reply could mean equally well (ask which one).</param>
internal sealed record BrowseReply(BrowseCommand Command, InteractionKind? Kind = null, string? BookId = null, bool NamedUnknownBook = false, IReadOnlyList<string>? Candidates = null);
