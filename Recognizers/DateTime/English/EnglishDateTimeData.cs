using System.Collections.Frozen;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>English vocabulary (month, weekday, number and unit names) used by the date-time parsers.</summary>
internal static class EnglishDateTimeData
{
    public static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["january"] = 1,
        ["jan"] = 1,
        ["february"] = 2,
        ["feb"] = 2,
        ["march"] = 3,
        ["mar"] = 3,
        ["april"] = 4,
        ["apr"] = 4,
        ["may"] = 5,
        ["june"] = 6,
        ["jun"] = 6,
        ["july"] = 7,
        ["jul"] = 7,
        ["august"] = 8,
        ["aug"] = 8,
        ["september"] = 9,
        ["sep"] = 9,
        ["sept"] = 9,
        ["october"] = 10,
        ["oct"] = 10,
        ["november"] = 11,
        ["nov"] = 11,
        ["december"] = 12,
        ["dec"] = 12,
    }.ToFrozenDictionary();

    /// <summary>Weekday names mapped to ISO numbers (Monday = 1 ... Sunday = 7).</summary>
    public static readonly FrozenDictionary<string, int> WeekDays = new Dictionary<string, int>
    {
        ["monday"] = 1,
        ["mon"] = 1,
        ["tuesday"] = 2,
        ["tue"] = 2,
        ["tues"] = 2,
        ["wednesday"] = 3,
        ["wed"] = 3,
        ["weds"] = 3,
        ["wedn"] = 3,
        ["thursday"] = 4,
        ["thu"] = 4,
        ["thur"] = 4,
        ["thurs"] = 4,
        ["friday"] = 5,
        ["fri"] = 5,
        ["saturday"] = 6,
        ["sat"] = 6,
        ["sunday"] = 7,
        ["sun"] = 7,
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, int> Cardinals = new Dictionary<string, int>
    {
        ["zero"] = 0,
        ["a"] = 1,
        ["an"] = 1,
        ["one"] = 1,
        ["two"] = 2,
        ["three"] = 3,
        ["four"] = 4,
        ["five"] = 5,
        ["six"] = 6,
        ["seven"] = 7,
        ["eight"] = 8,
        ["nine"] = 9,
        ["ten"] = 10,
        ["eleven"] = 11,
        ["twelve"] = 12,
        ["thirteen"] = 13,
        ["fourteen"] = 14,
        ["fifteen"] = 15,
        ["sixteen"] = 16,
        ["seventeen"] = 17,
        ["eighteen"] = 18,
        ["nineteen"] = 19,
        ["twenty"] = 20,
        ["thirty"] = 30,
        ["forty"] = 40,
        ["fifty"] = 50,
        ["sixty"] = 60,
        ["seventy"] = 70,
        ["eighty"] = 80,
        ["ninety"] = 90,
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, int> Ordinals = new Dictionary<string, int>
    {
        ["first"] = 1,
        ["second"] = 2,
        ["third"] = 3,
        ["fourth"] = 4,
        ["fifth"] = 5,
        ["sixth"] = 6,
        ["seventh"] = 7,
        ["eighth"] = 8,
        ["ninth"] = 9,
        ["tenth"] = 10,
        ["eleventh"] = 11,
        ["twelfth"] = 12,
        ["thirteenth"] = 13,
        ["fourteenth"] = 14,
        ["fifteenth"] = 15,
        ["sixteenth"] = 16,
        ["seventeenth"] = 17,
        ["eighteenth"] = 18,
        ["nineteenth"] = 19,
        ["twentieth"] = 20,
        ["thirtieth"] = 30,
        ["last"] = -1,
    }.ToFrozenDictionary();

    /// <summary>Duration units: the TIMEX unit letter, whether it sits after the T, and its length in seconds.</summary>
    public static readonly FrozenDictionary<string, DurationUnit> Units = BuildUnits();

    public static readonly FrozenDictionary<string, string> Seasons = new Dictionary<string, string>
    {
        ["spring"] = "SP",
        ["summer"] = "SU",
        ["fall"] = "FA",
        ["autumn"] = "FA",
        ["winter"] = "WI",
    }.ToFrozenDictionary();

    private static FrozenDictionary<string, DurationUnit> BuildUnits()
    {
        var year = new DurationUnit("Y", false, 31536000);
        var month = new DurationUnit("M", false, 2592000);
        var week = new DurationUnit("W", false, 604800);
        var day = new DurationUnit("D", false, 86400);
        var hour = new DurationUnit("H", true, 3600);
        var minute = new DurationUnit("M", true, 60);
        var second = new DurationUnit("S", true, 1);
        var map = new Dictionary<string, DurationUnit>();
        void Add(DurationUnit unit, params string[] names)
        {
            foreach (var n in names)
            {
                map[n] = unit;
            }
        }

        Add(year, "years", "year", "yrs", "yr", "y");
        Add(month, "months", "month", "mon", "mons");
        Add(week, "weeks", "week", "wks", "wk", "w");
        Add(day, "days", "day", "d", "nights", "night");
        Add(hour, "hours", "hour", "hrs", "hr", "h");
        Add(minute, "minutes", "minute", "mins", "min");
        Add(second, "seconds", "second", "secs", "sec", "s");
        map["decade"] = new DurationUnit("Y", false, 315360000, 10);
        map["decades"] = map["decade"];
        map["century"] = new DurationUnit("Y", false, 3153600000, 100);
        map["centuries"] = map["century"];
        map["fortnight"] = new DurationUnit("D", false, 1209600, 14);
        map["fortnights"] = map["fortnight"];
        map["weekend"] = new DurationUnit("WE", false, 172800);
        map["weekends"] = map["weekend"];
        map["quarter"] = new DurationUnit("M", false, 7776000, 3);
        map["quarters"] = map["quarter"];
        return map.ToFrozenDictionary();
    }
}

/// <summary>A TIMEX duration unit. <paramref name="Factor"/> scales the count (a decade is 10 years).</summary>
internal sealed record DurationUnit(string Letter, bool IsTime, long Seconds, int Factor = 1);
