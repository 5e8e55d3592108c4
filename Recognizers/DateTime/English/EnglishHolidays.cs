using System.Collections.Frozen;
using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>English holiday names and how to find each holiday's date in a given year.</summary>
internal static class EnglishHolidays
{
    public const string Names = @"(?:christmas\s+eve|christmas(?:\s+day)?|xmas|new\s+year'?s?\s+eve|new\s+year'?s?(?:\s+day)?|independence\s+day|thanksgiving(?:\s+day)?|black\s+friday|cyber\s+monday|easter\s+monday|easter(?:\s+sunday)?|good\s+friday|earth\s+day|saint\s+patrick'?s?(?:\s+day)?|st\.?\s+patrick'?s?(?:\s+day)?|valentine'?s?(?:\s+day)?|halloween|labou?r\s+day|memorial\s+day|mother'?s\s+day|father'?s\s+day|juneteenth|international\s+workers'?\s+day|may\s+day|freedom\s+day|jubilee\s+day|martin\s+luther\s+king(?:\s+jr\.?)?(?:'s)?(?:\s+day)?|mlk\s+day|columbus\s+day|veterans'?\s+day|boxing\s+day|groundhog\s+day|april\s+fools'?(?:\s+day)?|all\s+saints'?\s+day|canberra\s+day|inauguration\s+day|president'?s'?\s+day|washington'?s?\s+birthday|eid\s+al\s+fitr)";

    public static readonly FrozenDictionary<string, Func<int, DateObject?>> Dates = new Dictionary<string, Func<int, DateObject?>>
    {
        ["christmaseve"] = y => new DateObject(y, 12, 24),
        ["christmas"] = y => new DateObject(y, 12, 25),
        ["christmasday"] = y => new DateObject(y, 12, 25),
        ["xmas"] = y => new DateObject(y, 12, 25),
        ["newyeareve"] = y => new DateObject(y, 12, 31),
        ["newyearseve"] = y => new DateObject(y, 12, 31),
        ["newyear"] = y => new DateObject(y, 1, 1),
        ["newyears"] = y => new DateObject(y, 1, 1),
        ["newyearday"] = y => new DateObject(y, 1, 1),
        ["newyearsday"] = y => new DateObject(y, 1, 1),
        ["independenceday"] = y => new DateObject(y, 7, 4),
        ["thanksgiving"] = y => NthWeekDay(y, 11, DayOfWeek.Thursday, 4),
        ["thanksgivingday"] = y => NthWeekDay(y, 11, DayOfWeek.Thursday, 4),
        ["blackfriday"] = y => NthWeekDay(y, 11, DayOfWeek.Thursday, 4).AddDays(1),
        ["cybermonday"] = y => NthWeekDay(y, 11, DayOfWeek.Thursday, 4).AddDays(4),
        ["easter"] = y => Easter(y),
        ["eastersunday"] = y => Easter(y),
        ["eastermonday"] = y => Easter(y).AddDays(1),
        ["goodfriday"] = y => Easter(y).AddDays(-2),
        ["earthday"] = y => new DateObject(y, 4, 22),
        ["saintpatrick"] = y => new DateObject(y, 3, 17),
        ["valentine"] = y => new DateObject(y, 2, 14),
        ["halloween"] = y => new DateObject(y, 10, 31),
        ["labourday"] = y => NthWeekDay(y, 9, DayOfWeek.Monday, 1),
        ["laborday"] = y => NthWeekDay(y, 9, DayOfWeek.Monday, 1),
        ["memorialday"] = y => LastWeekDay(y, 5, DayOfWeek.Monday),
        ["mothersday"] = y => NthWeekDay(y, 5, DayOfWeek.Sunday, 2),
        ["fathersday"] = y => NthWeekDay(y, 6, DayOfWeek.Sunday, 3),
        ["juneteenth"] = y => new DateObject(y, 6, 19),
        ["internationalworkersday"] = y => new DateObject(y, 5, 1),
        ["mayday"] = y => new DateObject(y, 5, 1),
        ["freedomday"] = y => new DateObject(y, 6, 19),
        ["jubileeday"] = y => new DateObject(y, 6, 19),
        ["martinlutherking"] = y => NthWeekDay(y, 1, DayOfWeek.Monday, 3),
        ["mlkday"] = y => NthWeekDay(y, 1, DayOfWeek.Monday, 3),
        ["columbusday"] = y => NthWeekDay(y, 10, DayOfWeek.Monday, 2),
        ["veteransday"] = y => new DateObject(y, 11, 11),
        ["boxingday"] = y => new DateObject(y, 12, 26),
        ["groundhogday"] = y => new DateObject(y, 2, 2),
        ["aprilfools"] = y => new DateObject(y, 4, 1),
        ["allsaintsday"] = y => new DateObject(y, 11, 1),
        ["canberraday"] = y => NthWeekDay(y, 3, DayOfWeek.Monday, 2),
        ["inaugurationday"] = y => new DateObject(y, 1, 20),
        ["presidentsday"] = y => NthWeekDay(y, 2, DayOfWeek.Monday, 3),
        ["washingtonsbirthday"] = y => NthWeekDay(y, 2, DayOfWeek.Monday, 3),
    }.ToFrozenDictionary();

    /// <summary>Normalizes a matched holiday name to its table key (letters only, plural and "day" variants folded).</summary>
    public static string Key(string matched)
    {
        var letters = new string(matched.Where(char.IsAsciiLetterLower).ToArray());
        return letters switch
        {
            _ when letters.StartsWith("saintpatrick", StringComparison.Ordinal) || letters.StartsWith("stpatrick", StringComparison.Ordinal) => "saintpatrick",
            _ when letters.StartsWith("valentine", StringComparison.Ordinal) => "valentine",
            _ when letters.StartsWith("martinlutherking", StringComparison.Ordinal) => "martinlutherking",
            _ when letters.StartsWith("aprilfools", StringComparison.Ordinal) => "aprilfools",
            "internationalworkerday" => "internationalworkersday",
            "presidentday" or "presidentsday" => "presidentsday",
            "washingtonbirthday" => "washingtonsbirthday",
            "veteranday" => "veteransday",
            "allsaintday" => "allsaintsday",
            "motherday" => "mothersday",
            "fatherday" => "fathersday",
            _ => letters,
        };
    }

    private static DateObject NthWeekDay(int year, int month, DayOfWeek dow, int n)
    {
        var d = new DateObject(year, month, 1);
        while (d.DayOfWeek != dow)
        {
            d = d.AddDays(1);
        }

        return d.AddDays(7 * (n - 1));
    }

    private static DateObject LastWeekDay(int year, int month, DayOfWeek dow)
    {
        var d = new DateObject(year, month, DateObject.DaysInMonth(year, month));
        while (d.DayOfWeek != dow)
        {
            d = d.AddDays(-1);
        }

        return d;
    }

    private static DateObject Easter(int year)
    {
        // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateObject(year, month, day);
    }
}
