namespace AuthorBot.Dialogs.Content;

/// <summary>A book's place in a series.</summary>
/// <param name="Name">The series' name.</param>
/// <param name="Number">Its position, from 1.</param>
public sealed record BookSeries(string Name, int Number);
