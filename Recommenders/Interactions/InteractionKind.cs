namespace AuthorBot.Recommenders.Interactions;

/// <summary>What a reader did with an item.</summary>
public enum InteractionKind
{
    /// <summary>An explicit rating; <see cref="Interaction.Value"/> holds it (1–5).</summary>
    Rating,

    /// <summary>Opened or tapped the item: a weak positive signal.</summary>
    Click,

    /// <summary>Said they like it ("Sounds good").</summary>
    Like,

    /// <summary>Said they dislike it.</summary>
    Dislike,

    /// <summary>Asked not to be shown it ("Not for me").</summary>
    NotInterested,

    /// <summary>Has read it already.</summary>
    AlreadyRead,

    /// <summary>Signed up for an event about the item (a launch or a reading).</summary>
    Rsvp,

    /// <summary>
    /// The item was shown to the reader (in a list, at <see cref="Interaction.Position"/>, on <see cref="Interaction.Channel"/>).
    /// No signal by itself; a book shown and then ignored is a negative example for the learned ranking stage.
    /// </summary>
    Impression,
}
