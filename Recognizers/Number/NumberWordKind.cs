namespace AuthorBot.Recognizers.Number;

/// <summary>Grammatical role of a number word ("seven" is a unit, "hundred" a hundred, "million" a scale).</summary>
internal enum NumberWordKind
{
    Zero,
    Unit,
    Teen,
    Tens,
    Hundred,
    Scale,
    Dozen,

    /// <summary>"half"/"quarter": denominators only, never ordinals.</summary>
    FractionOnly,
}
