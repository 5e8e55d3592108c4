namespace AuthorBot.Recognizers.Number;

/// <summary>How a digit literal was written.</summary>
[Flags]
internal enum DigitFlags
{
    None = 0,

    /// <summary>Has a fractional part ("4.800", "1,3", ".08").</summary>
    Decimal = 1,

    /// <summary>Has group separators ("1,234", "40 000").</summary>
    Grouped = 2,

    /// <summary>Has a multiplier suffix glued on ("10k", "2mil").</summary>
    Suffixed = 4,
}
