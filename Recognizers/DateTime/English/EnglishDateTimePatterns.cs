using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>
/// English date-time patterns. Input is lowercased before matching. The building blocks follow the shape of
/// Recognizers-Text's English-DateTime.yaml (MIT, see NOTICE) but are written afresh and much smaller.
/// </summary>
internal static partial class EnglishDateTimePatterns
{
    private const RegexOptions Opts = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    public const string Units1To9 = "one|two|three|four|five|six|seven|eight|nine";
    public const string Teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    public const string Tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    public const string NumWord = "(?:(?:" + Tens + @")(?:[\s-]+(?:" + Units1To9 + "))?|" + Teens + "|" + Units1To9 + "|zero)";
    public const string Num = @"(?:\d+(?:\.\d+)?|" + NumWord + ")";
    public const string OrdWord = @"(?:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";
    public const string DayNum = @"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)";
    public const string DayCardWord = @"(?:twenty[\s-]+(?:" + Units1To9 + @")|thirty[\s-]+one|twenty|thirty|" + Teens + "|" + Units1To9 + ")";
    public const string Day = "(?<day>" + DayNum + "|" + OrdWord + "|" + DayCardWord + ")";
    public const string DayStrict = "(?<day>" + DayNum + "|" + OrdWord + ")";
    public const string MonthName = "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
    public const string Month = "(?<month>" + MonthName + @")(?:\.(?=\s*\d))?";
    public const string Year = @"(?<year>(?:1[0-9]|20)\d{2}(?!\d))";
    public const string TwoDigitWord = "(?:(?:" + Tens + @")(?:[\s-]+(?:" + Units1To9 + "))?|" + Teens + ")";

    /// <summary>A year in words: "nineteen eighty six", "seventeen hundred thirty three", "two thousand and fifteen".</summary>
    public const string YearWords = @"(?:(?:fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(?:" + TwoDigitWord + @")|(?:" + Teens + @"|twenty)\s+hundred(?:\s+(?:and\s+)?(?:" + TwoDigitWord + "|" + Units1To9 + @"))?|(?:one|two)\s+thousand(?:\s+(?:and\s+)?(?:" + TwoDigitWord + "|" + Units1To9 + @"))?)(?![\w-])";

    /// <summary>A year in digits or words.</summary>
    public const string YearOrWords = @"(?<year>(?:1[0-9]|20)\d{2}(?!\d)|(?<=\bof\s+)\d{2}(?![\d:.%])|" + YearWords + ")";
    public const string YearAny = @"(?<year>(?:1[0-9]|20)\d{2}(?!\d)|'\d{2}(?!\d)|(?<=\bof\s+)\d{2}(?![\d:.%])|" + YearWords + ")";
    public const string WeekDayName = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wedn|weds|wed|thurs|thur|thu|fri|sat|sun)";
    public const string WeekDay = "(?<weekday>" + WeekDayName + ")";
    public const string AmPm = @"(?<ampm>a\.\s*m\.?|p\.\s*m\.?|a\s*\.\s*m\s*\.|p\s*\.\s*m\s*\.|am\b|pm\b|a\s+m\b|p\s+m\b|a\b|p\b)";
    public const string Hour = "(?<hour>2[0-4]|[01]?[0-9])";
    public const string HourWord = "(?<hourw>" + Teens + "|" + Units1To9 + "|twelve|zero)";
    public const string Minute = "(?<min>[0-5][0-9])";
    public const string Second = "(?<sec>[0-5][0-9])";
    public const string TimeOfDaySuffix = @"(?<tod>in\s+the\s+(?:morning|afternoon|evening|night)|at\s+night|tonight|this\s+(?:morning|afternoon|evening))";
    public const string UnitName = @"(?:years?|yrs?|months?|weeks?|wks?|days?|nights?|hours?|hrs?|h|minutes?|mins?|seconds?|secs?|fortnights?|decades?|centuries|century|weekends?|quarters?)";
    public const string RelDayWords = @"(?:the\s+day\s+after\s+tomorrow|the\s+day\s+before\s+yesterday|day\s+after\s+tomorrow|day\s+before\s+yesterday|today|tomorrow|tmrw|tmr|yesterday)";
}
