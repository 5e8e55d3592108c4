using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>English patterns for date ranges (weeks, months, years, quarters, "next 3 days", seasons...).</summary>
internal static partial class EnglishDateTimePatterns
{
    public const string PeriodUnit = @"(?<unit>week(?:\s*end)?|month|year|quarter|fortnight|decade|working\s+week|workweek|work\s+week|business\s+week|calendar\s+year|school\s+year|fiscal\s+year)";
    public const string RelWord = @"(?<rel>this\s+coming|this\s+past|this|next|last|previous|past|coming|upcoming|following|current|that|same|remaining\s+of\s+the|rest\s+of\s+the|(?<!\b(?:the|next|last|this|past|previous|coming|following|upcoming)\s+)the)";

    [GeneratedRegex(@"\b" + RelWord + @"\s+" + PeriodUnit + @"(?<afternext>\s+after\s+next)?(?:'s)?\b", Opts)]
    public static partial Regex RelativePeriodRegex();

    [GeneratedRegex(@"\b(?<weekend>weekend)\b", Opts)]
    public static partial Regex BareWeekendRegex();

    [GeneratedRegex(@"(?<!\$)\b(?:(?<rel>this|next|last|previous|coming|the)\s+)?" + Month + @"(?:(?:\s*,\s*|\s+of\s+|\s+in\s+|\s*[/-]\s*|\s+)(?:" + YearAny + @"|(?<relyear>this|next|last)\s+year))?(?!\w|-\d{1,2}\b)", Opts)]
    public static partial Regex MonthPeriodRegex();

    [GeneratedRegex(@"\b" + Year + @"(?:\s*[/,-]\s*|\s+)" + Month + @"\b(?!\s*[/.-]?\s*\d)", Opts)]
    public static partial Regex YearMonthPeriodRegex();

    [GeneratedRegex(@"(?<![\w/.-])(?:" + Year + @"\s*[-/]\s*(?<mnum>1[0-2]|0?[1-9])|(?<mnum>1[0-2]|0?[1-9])\s*[-/]\s*" + Year + @")(?![\w/-]|\.\w)", Opts)]
    public static partial Regex NumericYearMonthRegex();

    [GeneratedRegex(@"(?<![\w$.,/-])(?<!\d\s*-\s*)(?:(?<pre>year|calendar\s+year|cy|(?<fy>fiscal\s+year|fy|school\s+year|sy))\s*)?(?:" + Year + @"|(?<yy>(?<=\b(?:cy|sy|fy))\d{2}))(?![\w%$/-]|\.\w|\s*(?:'?s\b|-|dollars?|people|persons?|times|years|apples|items|units|records|\.\d))", Opts)]
    public static partial Regex YearPeriodRegex();

    /// <summary>A year in words stands alone only after "in": "in nineteen ninety six".</summary>
    [GeneratedRegex(@"\b(?=(?:fifteen|sixteen|seventeen|eighteen|nineteen|twenty|ten|eleven|twelve|thirteen|fourteen|one|two)\s)(?<=\bin\s+)(?<year>" + YearWords + ")", Opts)]
    public static partial Regex WordYearPeriodRegex();

    [GeneratedRegex(@"\b(?<num>" + Num + @"|couple(?:\s+of)?|a\s+couple\s+of|few|a\s+few|several)\s+(?<rel>next|upcoming|coming|following|past|previous|last)\s+(?<unit>days?|weeks?|months?|years?|quarters?|fortnights?|decades?|business\s+days?)\b|\b(?<rel>next|last|past|previous|coming|upcoming|following|within(?:\s+the)?(?:\s+(?:next|coming|following|past|last))?)\s+(?<num>" + Num + @"|couple(?:\s+of)?|a\s+couple\s+of|few|a\s+few|several)\s+(?<unit>days?|weeks?|months?|years?|quarters?|fortnights?|decades?|business\s+days?)\b|\b(?<rel>within)\s+(?<num>a|an|one)?\s*(?<unit>day|week|month|year|quarter|fortnight|decade)\b", Opts)]
    public static partial Regex NextNUnitsRegex();

    [GeneratedRegex(@"\b(?:the\s+)?(?<ord>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+week\s+(?:of|in)\s+(?:(?:the\s+)?(?<rel>this|next|last|the)\s+(?<unit>month|year)|" + Month + @"(?:\s*,?\s*(?:of\s+)?" + Year + ")?|" + Year + @")(?!\w)", Opts)]
    public static partial Regex WeekOfRegex();

    [GeneratedRegex(@"\bweek\s+(?<wn>[1-9]|[1-4]\d|5[0-3])(?:\s+(?:of|in)\s+(?:" + Year + @"|(?<rel>this|next|last)\s+year))?\b(?!\s*(?:days?|hours?|minutes?)\b)", Opts)]
    public static partial Regex WeekNumberRegex();

    [GeneratedRegex(@"\b(?:" + Year + @"\s*-?\s*q(?<q>[1-4])|q(?<q>[1-4])(?:\s*-\s*|\s+of\s+|\s+)" + Year + @"|q(?<q>[1-4])|(?:the\s+)?(?<qord>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+(?:of|in)\s+(?:" + Year + @"|(?<qthe>the\s+year)|(?<rel>this|next|last)\s+year))?|" + Year + @"\s*-?\s*h(?<h>[12]))\b", Opts)]
    public static partial Regex QuarterRegex();

    [GeneratedRegex(@"\b(?:(?<rel>this|next|last|the)\s+)?(?<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+|in\s+)?" + Year + @")?\b", Opts)]
    public static partial Regex SeasonRegex();

    [GeneratedRegex(@"\b(?:the\s+)?(?:(?<decade>(?:1[0-9]|20)\d0)\s*'?\s*s|'?(?<shortdec>[0-9]0)\s*'?\s*s|(?<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b", Opts)]
    public static partial Regex DecadeRegex();

    [GeneratedRegex(@"\b(?<cent>[12]?\d)(?:st|nd|rd|th)\s+century\b", Opts)]
    public static partial Regex CenturyRegex();

    [GeneratedRegex(@"\b(?:year\s+to\s+date|ytd)\b", Opts)]
    public static partial Regex YearToDateRegex();

    [GeneratedRegex(@"\b(?:(?<pos>early|earlier|mid|middle|late|later)(?:\s*-\s*|\s+(?:in\s+)?(?:the\s+)?|\s+of\s+(?:the\s+)?)|(?<pos>end|middle|beginning|start|remaining|rest)\s+of\s+(?:the\s+)?)$", Opts)]
    public static partial Regex PeriodPositionPrefixRegex();

    [GeneratedRegex(@"\b(?:eoy|end\s+of\s+(?:the\s+)?(?<unit>year|month|week))\b", Opts)]
    public static partial Regex EndOfUnitRegex();

    [GeneratedRegex(@"\b(?:(?:the\s+)?week\s+(?:of|beginning|starting(?:\s+on)?|commencing(?:\s+on)?)|w/c)\s+$", Opts)]
    public static partial Regex WeekOfDatePrefixRegex();

    [GeneratedRegex(@"\b(?:from|between)\s+(?:the\s+(?=$))?$", Opts)]
    public static partial Regex RangeStartPrefixRegex();

    [GeneratedRegex(@"^\s*(?:to|till|til|until|thru|through|-|~|–|and)\s*(?:the\s+)?$", Opts)]
    public static partial Regex RangeConnectorRegex();

    [GeneratedRegex(@"^\s*(?:-|~|–|to|till|thru|through)\s*$", Opts)]
    public static partial Regex BareRangeConnectorRegex();

    [GeneratedRegex(@"\b(?:(?<rel>this|next|last|current)\s+)?(?<fy>fiscal\s+year|school\s+year)\b(?!\s*(?:\d|of))", Opts)]
    public static partial Regex RelativeFiscalYearRegex();

    [GeneratedRegex(@"(?<![\w$.,/-])(?<!\d\s*-\s*)(?:(?<from>from|between|in)\s+)?(?<y1>(?:1\d|20)\d\d)\s*(?:-|~|to|till|until|through|thru|and)\s*(?<y2>(?:1\d|20)\d\d)(?![\w%$/-]|\.\w|\s*-\s*\d)", Opts)]
    public static partial Regex YearRangeRegex();
}
