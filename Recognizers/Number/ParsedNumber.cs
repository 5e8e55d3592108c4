namespace AuthorBot.Recognizers.Number;

/// <summary>The value of an extracted number, carried from extractor to parser.</summary>
/// <param name="Value">Numeric value.</param>
/// <param name="Subtype">How it was written.</param>
internal readonly record struct ParsedNumber(double Value, NumberSubtype Subtype);
