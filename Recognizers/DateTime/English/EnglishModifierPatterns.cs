using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.DateTime.English;

/// <summary>English before/after/since/until/around modifiers around a date-time.</summary>
internal static partial class EnglishDateTimePatterns
{
    [GeneratedRegex(@"(?:\b(?<until>(?:on|at|in)\s+or\s+(?:before|earlier\s+than|prior\s+to)|(?:before|earlier\s+than|prior\s+to)\s+or\s+(?:on|at|in|equal\s+to))|\b(?<since>(?:on|at|in)\s+or\s+(?:after|later\s+than)|(?:after|later\s+than|greater\s+than)\s+or\s+(?:on|at|in|equal\s+to))|\b(?<before>ending\s+with|sooner\s+than|in\s+advance\s+of)|\b(?<since>since|starting(?:\s+(?:on|from|at))?|beginning(?:\s+(?:on|from))?|as\s+early\s+as|from(?=\s+(?:mid|early|late|the\s+end|the\s+beginning)))|(?<since>>\s*=)|\b(?<after>after|later\s+than|greater\s+than|(?<=\byear\s)greater\s+than)|(?<![\w<])(?<after>>)|\b(?<before>before|earlier\s+than|prior\s+to|no\s+later\s+than|not\s+later\s+than|by|until|till|til|up\s+to)|(?<until><\s*=)|\b(?<until>as\s+late\s+as)|(?<before><)|\b(?<approx>around|approximately|circa|roughly))\s*$", Opts)]
    public static partial Regex ModifierPrefixRegex();

    [GeneratedRegex(@"\byear\s+(?:greater|later|more)\s+than\s+$", Opts)]
    public static partial Regex YearGreaterThanPrefixRegex();

    [GeneratedRegex(@"\G\s*(?:(?<since>or\s+later|and\s+later|or\s+after|and\s+after|and\s+greater|or\s+greater|onwards?|and\s+onwards?)|(?<until>or\s+earlier|and\s+earlier|or\s+before))\b", Opts)]
    public static partial Regex ModifierSuffixRegex();

    /// <summary>"the" between a modifier and "year 2019": "before the year 2019".</summary>
    [GeneratedRegex(@"\bthe\s+$", Opts)]
    public static partial Regex TrailingTheRegex();

    [GeneratedRegex(@"^\s*$", Opts)]
    public static partial Regex BlankRegex();

    [GeneratedRegex(@"(?:\b(?<mod>more\s+than|less\s+than|at\s+least|at\s+most|fewer\s+than|longer\s+than|shorter\s+than|within))\s*$", Opts)]
    public static partial Regex DurationModifierPrefixRegex();

    /// <summary>Before a date shifted from an anchor: "more than 2 weeks before today", "within the next 2 weeks after today".</summary>
    [GeneratedRegex(@"\b(?:(?<more>more\s+than|over|at\s+least)|(?<less>less\s+than|under)|(?<within>within(?:\s+the)?(?:\s+(?:next|coming|following|upcoming))?))\s+$", Opts)]
    public static partial Regex ShiftedDateModifierPrefixRegex();
}
