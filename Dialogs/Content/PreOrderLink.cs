namespace AuthorBot.Dialogs.Content;

/// <summary>Where a reader can pre-order an upcoming book.</summary>
/// <param name="Store">The shop's name as shown on the button.</param>
/// <param name="Url">The shop's page for the book (http or https).</param>
public sealed record PreOrderLink(string Store, Uri Url);
