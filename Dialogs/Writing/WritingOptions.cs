namespace AuthorBot.Dialogs.Writing;

/// <summary>Writing feedback's limits (configuration section <c>Writing</c>).</summary>
public sealed class WritingOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Writing";

    /// <summary>Manuscripts longer than this many words are analysed in the background, with progress posted to the chat.</summary>
    public int BackgroundWords { get; set; } = 20_000;

    /// <summary>The largest manuscript accepted, in words.</summary>
    public int MaxWords { get; set; } = 250_000;
}
