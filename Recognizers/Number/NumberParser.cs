namespace AuthorBot.Recognizers.Number;

/// <summary>Turns extracted numbers into resolutions shaped like Recognizers-Text's.</summary>
internal static class NumberParser
{
    public static IReadOnlyDictionary<string, object> ResolveNumber(ParsedNumber number) =>
        new Dictionary<string, object>(2, StringComparer.Ordinal)
        {
            ["value"] = ResultFormatting.FormatNumber(number.Value),
            ["subtype"] = SubtypeName(number.Subtype),
        };

    public static IReadOnlyDictionary<string, object> ResolveOrdinal(double value) =>
        new Dictionary<string, object>(3, StringComparer.Ordinal)
        {
            ["offset"] = ResultFormatting.FormatNumber(value),
            ["relativeTo"] = "start",
            ["value"] = ResultFormatting.FormatNumber(value),
        };

    public static IReadOnlyDictionary<string, object> ResolveRelativeOrdinal(int offset, string relativeTo) =>
        new Dictionary<string, object>(3, StringComparer.Ordinal)
        {
            ["offset"] = offset.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["relativeTo"] = relativeTo,
            ["value"] = relativeTo + (offset >= 0 ? "+" : "-") + Math.Abs(offset).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    /// <summary>A percentage; without a number the value is the string "null", as upstream resolves it.</summary>
    public static IReadOnlyDictionary<string, object> ResolvePercent(double? value) =>
        new Dictionary<string, object>(1, StringComparer.Ordinal)
        {
            ["value"] = value is { } v ? ResultFormatting.FormatNumber(v) + "%" : "null",
        };

    public static string SubtypeName(NumberSubtype subtype) => subtype switch
    {
        NumberSubtype.Integer => "integer",
        NumberSubtype.Decimal => "decimal",
        NumberSubtype.Fraction => "fraction",
        NumberSubtype.Power => "power",
        _ => throw new ArgumentOutOfRangeException(nameof(subtype)),
    };
}
