namespace AuthorBot.Recognizers.Number;

/// <summary>One word of a written fraction: its value, or a separator ("and").</summary>
internal readonly record struct FractionWord(double Value, NumberWordKind Kind, bool IsSeparator);
