namespace AuthorBot.Dialogs.Content;

// The file format as written by the author: every field optional here so that a missing one becomes a validation
// error naming the field and its line, not a deserializer exception about a constructor.
#pragma warning disable CA1812 // Instantiated by System.Text.Json.

/// <summary>author.json as written.</summary>
internal sealed class AuthorContentDocument
{
    public AuthorDocument? Author { get; set; }

    public List<BookDocument?>? Books { get; set; }

    public List<EventDocument?>? Events { get; set; }

    public List<FaqDocument?>? Faq { get; set; }

    public Dictionary<string, List<string?>?>? IntentExamples { get; set; }

    public List<QuizDocument?>? Quiz { get; set; }
}

/// <summary>One entry of "quiz": a question the author wrote for the reader quiz.</summary>
internal sealed class QuizDocument
{
    public string? Id { get; set; }

    public string? Question { get; set; }

    public List<string?>? Choices { get; set; }

    public string? Answer { get; set; }
}

/// <summary>One entry of a book's "characters".</summary>
internal sealed class CharacterDocument
{
    public string? Name { get; set; }

    public string? Role { get; set; }
}

/// <summary>The "author" object.</summary>
internal sealed class AuthorDocument
{
    public string? Name { get; set; }

    public string? Website { get; set; }

    public string? Bio { get; set; }

    public string? Photo { get; set; }

    public string? AccentColor { get; set; }

    public string? Tagline { get; set; }

    public string? TimeZone { get; set; }
}

/// <summary>One entry of "books".</summary>
internal sealed class BookDocument
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Blurb { get; set; }

    public List<string?>? Tags { get; set; }

    public string? PublishedOn { get; set; }

    public LaunchDocument? Launch { get; set; }

    public string? SampleChapterUrl { get; set; }

    public List<PreOrderLinkDocument?>? PreOrderLinks { get; set; }

    public SeriesDocument? Series { get; set; }

    public List<FormatDocument?>? Formats { get; set; }

    public string? Setting { get; set; }

    public List<CharacterDocument?>? Characters { get; set; }
}

/// <summary>A book's "series" object.</summary>
internal sealed class SeriesDocument
{
    public string? Name { get; set; }

    public int? Number { get; set; }
}

/// <summary>One entry of a book's "formats".</summary>
internal sealed class FormatDocument
{
    public string? Format { get; set; }

    public string? Narrator { get; set; }

    public List<PriceDocument?>? Prices { get; set; }
}

/// <summary>One entry of a format's "prices".</summary>
internal sealed class PriceDocument
{
    public string? Store { get; set; }

    public string? Price { get; set; }

    public string? Currency { get; set; }
}

/// <summary>One entry of "faq".</summary>
internal sealed class FaqDocument
{
    public string? Id { get; set; }

    public string? Question { get; set; }

    public string? Answer { get; set; }

    public List<string?>? Examples { get; set; }
}

/// <summary>A book's "launch" object.</summary>
internal sealed class LaunchDocument
{
    public string? At { get; set; }

    public string? TimeZone { get; set; }
}

/// <summary>One entry of a book's "preOrderLinks".</summary>
internal sealed class PreOrderLinkDocument
{
    public string? Store { get; set; }

    public string? Url { get; set; }
}

/// <summary>One entry of "events".</summary>
internal sealed class EventDocument
{
    public string? Id { get; set; }

    public string? Kind { get; set; }

    public string? Title { get; set; }

    public string? BookId { get; set; }

    public string? StartsAt { get; set; }

    public string? TimeZone { get; set; }

    public int? DurationMinutes { get; set; }

    public string? Link { get; set; }

    public string? Venue { get; set; }

    public int? Capacity { get; set; }
}
#pragma warning restore CA1812
