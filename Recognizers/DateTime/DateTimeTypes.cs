namespace AuthorBot.Recognizers.DateTime;

/// <summary>The resolution type names (the part after <c>datetimeV2.</c>).</summary>
internal static class DateTimeTypes
{
    public const string Date = "date";
    public const string Time = "time";
    public const string DateTime = "datetime";
    public const string Duration = "duration";
    public const string DateRange = "daterange";
    public const string TimeRange = "timerange";
    public const string DateTimeRange = "datetimerange";
    public const string Set = "set";
}
