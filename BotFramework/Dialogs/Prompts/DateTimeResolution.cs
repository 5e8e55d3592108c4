namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>One reading of a date or time the user gave (an ambiguous "Friday" may have two: last and next).</summary>
public class DateTimeResolution
{
    /// <summary>A single point, e.g. "2026-11-27 19:00:00", when the answer is not a range.</summary>
    public string? Value { get; set; }

    /// <summary>The start of a range, e.g. "2026-12-01".</summary>
    public string? Start { get; set; }

    /// <summary>The end of a range (exclusive, as in Recognizers-Text).</summary>
    public string? End { get; set; }

    /// <summary>The TIMEX expression, e.g. "2026-11-27T19".</summary>
    public string? Timex { get; set; }
}
