namespace AuthorBot.Dialogs.Writing;

/// <summary>Who the bot treats as the author (configuration section <c>Authors</c>).</summary>
public sealed class AuthorAccessOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Authors";

    /// <summary>
    /// Reader ids (the <c>from.id</c> a channel vouches for: a Teams user's id, a Web Chat reader's <c>dl_...</c> id)
    /// that belong to the author or their team.
    /// </summary>
    public IList<string> Ids { get; set; } = [];
}
