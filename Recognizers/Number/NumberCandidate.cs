namespace AuthorBot.Recognizers.Number;

/// <summary>A number found over tokens [<see cref="FirstToken"/>, <see cref="EndToken"/>).</summary>
internal readonly record struct NumberCandidate(int FirstToken, int EndToken, double Value, NumberSubtype Subtype);
