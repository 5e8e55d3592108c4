namespace AuthorBot.Recognizers;

/// <summary>One entity recognized in a query, shaped like Recognizers-Text's <c>ModelResult</c>.</summary>
public sealed class ModelResult
{
    /// <summary>The matched text, sliced from the query (original casing).</summary>
    public required string Text { get; init; }

    /// <summary>Zero-based start offset in the query (UTF-16 code units).</summary>
    public required int Start { get; init; }

    /// <summary>Inclusive end offset: <c>Start + Text.Length - 1</c>.</summary>
    public required int End { get; init; }

    /// <summary>Entity type, e.g. <c>number</c>, <c>ordinal.relative</c>, <c>datetimeV2.date</c>.</summary>
    public required string TypeName { get; init; }

    /// <summary>Model-specific resolution, e.g. <c>value</c> and <c>subtype</c> for numbers.</summary>
    public required IReadOnlyDictionary<string, object> Resolution { get; init; }

    /// <summary>For alternative date-time results only: the whole alternative expression.</summary>
    public string? ParentText { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{TypeName} '{Text}' [{Start}..{End}]";
}
