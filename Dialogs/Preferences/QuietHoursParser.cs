using System.Globalization;
using System.Text.RegularExpressions;

namespace AuthorBot.Dialogs.Preferences;

/// <summary>Reads quiet hours as readers type them: "10pm to 7am", "22:00-07:00", "from 23 until 6", "none".</summary>
public static partial class QuietHoursParser
{
    /// <summary>Parses an answer.</summary>
    /// <param name="text">The answer.</param>
    /// <param name="start">First quiet local hour (0-23), null for "none".</param>
    /// <param name="end">Hour quiet time ends (0-23, exclusive), null for "none".</param>
    /// <returns>True when the answer is a range of whole hours or "none".</returns>
    public static bool TryParse(string? text, out int? start, out int? end)
    {
        start = null;
        end = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return false;
        }

        var normalized = text.Trim().ToLowerInvariant()
            .Replace("a.m.", "am", StringComparison.Ordinal).Replace("p.m.", "pm", StringComparison.Ordinal)
            .Replace("midnight", "12am", StringComparison.Ordinal).Replace("noon", "12pm", StringComparison.Ordinal);
        if (None().IsMatch(normalized))
        {
            return true;
        }

        var match = Range().Match(normalized);
        if (!match.Success || !TryHour(match, "1", out var from) || !TryHour(match, "2", out var to) || from == to)
        {
            return false;
        }

        start = from;
        end = to;
        return true;
    }

    /// <summary>"22:00 to 07:00", or "none".</summary>
    /// <param name="start">First quiet hour.</param>
    /// <param name="end">Hour quiet time ends.</param>
    /// <returns>The text.</returns>
    public static string Describe(int? start, int? end) =>
        start is { } s && end is { } e ? $"{s:00}:00 to {e:00}:00" : "none";

    private static bool TryHour(Match match, string n, out int hour)
    {
        hour = int.Parse(match.Groups["h" + n].Value, CultureInfo.InvariantCulture);
        var minutes = match.Groups["m" + n];
        if (minutes.Success && minutes.Value != "00")
        {
            return false;
        }

        var meridiem = match.Groups["ap" + n].Value;
        if (meridiem.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = (hour % 12) + (meridiem == "pm" ? 12 : 0);
        }

        if (hour == 24 && meridiem.Length == 0)
        {
            hour = 0;
            return true;
        }

        return hour is >= 0 and <= 23;
    }

    [GeneratedRegex(@"^(none|no|nope|off|turn (them|it) off|no quiet hours|never|any ?time( is fine)?|clear)$")]
    private static partial Regex None();

    [GeneratedRegex(@"^(?:(?:from|between)\s+)?(?<h1>\d{1,2})(?::(?<m1>\d{2}))?\s*(?<ap1>am|pm)?\s*(?:to|-|–|until|till|and)\s*(?<h2>\d{1,2})(?::(?<m2>\d{2}))?\s*(?<ap2>am|pm)?$")]
    private static partial Regex Range();
}
