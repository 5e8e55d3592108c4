namespace AuthorBot.Recognizers.Number;

/// <summary>What a single number word means.</summary>
/// <param name="Kind">Grammatical role.</param>
/// <param name="Value">Numeric value ("fifths" = 5, "million" = 1e6).</param>
/// <param name="IsOrdinal">True for "fifth", "fifths", "hundredth".</param>
/// <param name="IsPlural">True for "fifths", "halves", "dozens".</param>
internal readonly record struct NumberWord(NumberWordKind Kind, double Value, bool IsOrdinal, bool IsPlural);
