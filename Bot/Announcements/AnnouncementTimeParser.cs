using System.Globalization;
using AuthorBot.Recognizers.DateTime;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// Reads the times a marketer types on the command line (<c>--at</c>, <c>--window-start</c>, <c>--window-end</c>):
/// ISO 8601, or words the date-time recognizer understands ("tomorrow at 9am", "friday 18:00", "in 2 hours"),
/// read in the marketer's own time zone. A day without a time means <see cref="DefaultHour"/> that day.
/// </summary>
internal static class AnnouncementTimeParser
{
    /// <summary>The hour a bare day ("tomorrow", "next monday") stands for: morning, when readers are awake.</summary>
    public const int DefaultHour = 9;

    /// <summary>What the command says when it cannot read a time.</summary>
    public const string ExpectedFormat = "an ISO 8601 time such as 2026-12-24T09:00+01:00, or words such as \"tomorrow at 9am\" or \"friday 18:00\"";

    /// <summary>The instant <paramref name="text"/> names, or null when it names none.</summary>
    /// <param name="text">What the marketer typed.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="zone">The marketer's time zone, for words and for ISO times without an offset.</param>
    public static DateTimeOffset? Parse(string text, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var exact) && LooksLikeIso(text))
        {
            return HasOffset(text) ? exact : InZone(exact.DateTime, zone);
        }

        var localNow = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var found = DateTimeRecognizer.RecognizeDateTime(text, DateTimeRecognizer.English, localNow);

        // The whole text must be the time: "tomorrow-ish maybe" is not a schedule to guess at.
        if (found is not [var only] || only.Text.Length < text.Length - 1)
        {
            return null;
        }

        // Ambiguous words ("monday", "9am") resolve to a past and a future value: the future one is meant.
        var candidates = only.Values
            .Select(v => ToLocal(v, localNow))
            .Where(t => t is not null)
            .Select(t => t!.Value)
            .ToList();
        return candidates.Count == 0
            ? null
            : InZone(candidates.FirstOrDefault(t => t > localNow, candidates[^1]), zone);
    }

    private static DateTime? ToLocal(IReadOnlyDictionary<string, string> value, DateTime localNow)
    {
        var type = value.GetValueOrDefault("type");
        if (type == "time")
        {
            // A bare time is the next time the clock shows it.
            if (!TimeSpan.TryParse(value.GetValueOrDefault("value"), CultureInfo.InvariantCulture, out var clock))
            {
                return null;
            }

            var today = localNow.Date + clock;
            return today > localNow ? today : today.AddDays(1);
        }

        var raw = type switch
        {
            "datetime" or "date" => value.GetValueOrDefault("value"),
            "datetimerange" or "daterange" => value.GetValueOrDefault("start"),
            _ => null,
        };
        if (raw is null || !DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return null;
        }

        return type is "date" or "daterange" ? parsed.Date.AddHours(DefaultHour) : parsed;
    }

    private static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private static bool LooksLikeIso(string text) => text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-';

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 16 && text.LastIndexOfAny(['+', '-']) > 10);
}
