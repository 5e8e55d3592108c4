using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>The buttons on a book card, the interaction each records, and how it reads back to a reader.</summary>
internal static class FeedbackWords
{
    public const string Like = "Sounds good";
    public const string NotForMe = "Not for me";
    public const string AlreadyRead = "Already read";

    /// <summary>The action names carried in a button's value.</summary>
    public const string LikeAction = "like";
    public const string NotInterestedAction = "not-interested";
    public const string AlreadyReadAction = "already-read";

    public static string ButtonTitle(InteractionKind kind) => kind switch
    {
        InteractionKind.Like => Like,
        InteractionKind.NotInterested => NotForMe,
        InteractionKind.AlreadyRead => AlreadyRead,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only the three card buttons have titles."),
    };

    public static string ActionName(InteractionKind kind) => kind switch
    {
        InteractionKind.Like => LikeAction,
        InteractionKind.NotInterested => NotInterestedAction,
        InteractionKind.AlreadyRead => AlreadyReadAction,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only the three card buttons have actions."),
    };

    public static InteractionKind? FromActionName(string? action) => action switch
    {
        LikeAction => InteractionKind.Like,
        NotInterestedAction => InteractionKind.NotInterested,
        AlreadyReadAction => InteractionKind.AlreadyRead,
        _ => null,
    };

    /// <summary>How a stored interaction reads in an export.</summary>
    public static string Of(InteractionKind kind) => kind switch
    {
        InteractionKind.Like => "sounds good",
        InteractionKind.NotInterested => "not for me",
        InteractionKind.AlreadyRead => "already read",
        InteractionKind.Dislike => "disliked",
        InteractionKind.Rating => "rated",
        InteractionKind.Click => "opened",
        InteractionKind.Rsvp => "RSVP",
        InteractionKind.Impression => "shown",
        _ => kind.ToString(),
    };
}
