using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime;

/// <summary>One recognition call: the lowercased query, the reference time and the options.</summary>
internal sealed class DateTimeContext(string text, DateObject reference, DateTimeOptions options)
{
    public string Text { get; } = text;

    public DateObject Reference { get; } = reference;

    public DateTimeOptions Options { get; } = options;
}
