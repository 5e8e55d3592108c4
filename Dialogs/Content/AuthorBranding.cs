namespace AuthorBot.Dialogs.Content;

/// <summary>How the author's chat page looks: the photo, the accent colour and the line under the name.</summary>
/// <param name="Photo">The author's photo: a path on the bot's own site (e.g. <c>author/photo.svg</c>) or an absolute http(s) URL; null for none.</param>
/// <param name="AccentColor">The accent colour as <c>#rrggbb</c>; dark enough for white text on it.</param>
/// <param name="Tagline">One line under the author's name, if any.</param>
public sealed record AuthorBranding(string? Photo, string AccentColor, string? Tagline)
{
    /// <summary>The look when author.json says nothing: no photo, a dark teal, no tagline.</summary>
    public static AuthorBranding Default { get; } = new(null, "#1f5f7a", null);
}
