using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>English holiday patterns.</summary>
internal static partial class EnglishDateTimePatterns
{
    [GeneratedRegex(@"\b(?:(?<rel>next|last|previous|following|this)\s+)?(?<holiday>" + EnglishHolidays.Names + @")(?:\s+(?:of\s+)?(?:" + Year + @"|(?<relyear>this|next|last)\s+year))?\b", Opts)]
    public static partial Regex HolidayRegex();
}
