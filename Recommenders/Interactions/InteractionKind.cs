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
}
