namespace AuthorBot.Dialogs.Content;

/// <summary>One of a book's main characters.</summary>
/// <param name="Name">The character's name.</param>
/// <param name="Role">Who they are in the story, after "the": "lighthouse keeper's daughter".</param>
public sealed record BookCharacter(string Name, string Role);
