namespace AuthorBot.Recognizers;

/// <summary>A span found by an extractor, before parsing into a resolution.</summary>
/// <param name="Start">Start offset in the query.</param>
/// <param name="Length">Length of the span.</param>
/// <param name="Type">Extractor-specific type, e.g. <c>number</c> or <c>ordinal</c>.</param>
/// <param name="Data">Extractor-specific payload handed to the parser.</param>
internal readonly record struct ExtractResult(int Start, int Length, string Type, object? Data)
{
    public int End => Start + Length;
}
