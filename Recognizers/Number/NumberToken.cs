namespace AuthorBot.Recognizers.Number;

/// <summary>A token of a lower-cased query. Whitespace is skipped, so any two tokens are separated by whitespace only.</summary>
/// <param name="Start">Start offset.</param>
/// <param name="End">Exclusive end offset.</param>
/// <param name="Kind">Lexical class.</param>
/// <param name="Value">Numeric value of a digit, ordinal-digit or power token.</param>
/// <param name="Word">Meaning of a number word, when the word is one.</param>
/// <param name="Flags">Details of a digit literal.</param>
internal readonly record struct NumberToken(int Start, int End, NumberTokenKind Kind, double Value, NumberWord? Word, DigitFlags Flags)
{
    public int Length => End - Start;

    /// <summary>The punctuation character of a <see cref="NumberTokenKind.Punct"/> token.</summary>
    public char PunctChar(string text) => Kind == NumberTokenKind.Punct ? text[Start] : '\0';

    /// <summary>A digit literal without separators, decimals or suffix ("1984").</summary>
    public bool IsPlainInteger => Kind == NumberTokenKind.Digits && Flags == DigitFlags.None;
}
