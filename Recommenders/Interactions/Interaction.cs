namespace AuthorBot.Recommenders.Interactions;

/// <summary>One event in the interaction log.</summary>
/// <param name="ReaderId">Who; any stable string (the host decides how readers are keyed).</param>
/// <param name="ItemId">Which catalogue item.</param>
/// <param name="Kind">What they did.</param>
/// <param name="Timestamp">When.</param>
/// <param name="Value">The rating for <see cref="InteractionKind.Rating"/> (1–5); ignored otherwise.</param>
/// <param name="Weight">Multiplies the signal's strength (1 = normal).</param>
/// <param name="Channel">Where it happened (e.g. "msteams", "webchat"), for context-aware popularity.</param>
/// <param name="Position">For an <see cref="InteractionKind.Impression"/>, the item's place in the list shown (0 = first).</param>
public sealed record Interaction(
    string ReaderId,
    string ItemId,
    InteractionKind Kind,
    DateTimeOffset Timestamp,
    float? Value = null,
    float Weight = 1f,
    string? Channel = null,
    int? Position = null)
{
    /// <summary>Signed strength for implicit ALS: positive means "more like this", negative an explicit "no".</summary>
    public float Strength => Weight * Kind switch
    {
        InteractionKind.Rating => RatingStrength(Value),
        InteractionKind.Like => 2f,
        InteractionKind.AlreadyRead => 1f,
        InteractionKind.Rsvp => 1f,
        InteractionKind.Click => 0.25f,
        InteractionKind.Dislike => -2f,
        InteractionKind.NotInterested => -1f,
        _ => 0f,
    };

    /// <summary>True when the item should not be suggested to this reader again (read, rated, accepted or rejected).</summary>
    public bool Excludes => Kind is not (InteractionKind.Click or InteractionKind.Rsvp or InteractionKind.Impression);

    /// <summary>
    /// How much the reader engaged with the item, as the learned ranking stage's label: 3 for a 5-star rating, 2 for a
    /// 4-star rating or a "Sounds good", 1 for any other rating, a read, an RSVP or a click (they picked it up), 0 for a
    /// rejection or an impression without anything else.
    /// </summary>
    public int Engagement => Kind switch
    {
        InteractionKind.Rating => Value is >= 4.5f ? 3 : Value is >= 3.5f ? 2 : 1,
        InteractionKind.Like => 2,
        InteractionKind.AlreadyRead or InteractionKind.Rsvp or InteractionKind.Click => 1,
        _ => 0,
    };

    // A middling 3 still says "read it and it was fine": a faint positive rather than nothing.
    private static float RatingStrength(float? value) => value is not { } r ? 0f : Math.Abs(r - 3f) < 0.5f ? 0.25f : Math.Clamp(r - 3f, -2f, 2f);

    /// <summary>True for a positive signal (used for "because you liked X").</summary>
    public bool IsPositive => Strength > 0.5f;
}
