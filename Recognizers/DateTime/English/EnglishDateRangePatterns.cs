using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>English patterns for day ranges inside one month ("november 18-19", "between 3 and 12 of sept").</summary>
internal static partial class EnglishDateTimePatterns
{
    private const string Day1 = "(?<d1>" + DayNum + "|" + OrdWord + ")";
    private const string Day2 = "(?<d2>" + DayNum + "|" + OrdWord + ")";

    [GeneratedRegex(@"\b(?:(?<from>from|between)\s+)?(?:the\s+)?" + Day1 + @"\s*(?:-|~|to|till|until|and|through|thru)\s*(?:the\s+)?" + Day2 + @"\s+(?:of\s+)?(?:" + Month + @"(?:\s*,?\s*(?:in\s+)?" + Year + @")?|(?:in\s+)?(?<rel>this|next|last)\s+month)\b", Opts)]
    public static partial Regex DaysThenMonthRangeRegex();

    [GeneratedRegex(@"\b(?:(?<from>from|between)\s+)?" + Month + @"\s*(?:the\s+)?" + Day1 + @"\s*(?:-|~|to|till|until|and|through|thru)\s*(?:the\s+)?" + Day2 + @"(?:\s*,?\s*" + Year + @")?\b(?!\s*(?:[:.]\d|am\b|pm\b|a\.m|p\.m|" + MonthName + @"))", Opts)]
    public static partial Regex MonthThenDaysRangeRegex();

    [GeneratedRegex(@"\b(?:(?<from>from)\s+)?(?<d1>(?:3[01]|[12]\d|0?[1-9]))\s*-\s*(?<d2>(?:3[01]|[12]\d|0?[1-9]))\s+in\s+(?<rel>this|next|last)\s+month\b", Opts)]
    public static partial Regex DaysInRelativeMonthRangeRegex();
}
