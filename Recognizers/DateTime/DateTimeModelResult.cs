namespace AuthorBot.Recognizers.DateTime;

/// <summary>One date-time entity found in a query, shaped like a Recognizers-Text model result.</summary>
public sealed class DateTimeModelResult
{
    /// <summary>Gets the matched text (lowercased, as upstream returns it).</summary>
    public required string Text { get; init; }

    /// <summary>Gets the zero-based start offset in the query.</summary>
    public required int Start { get; init; }

    /// <summary>Gets the inclusive end offset in the query.</summary>
    public required int End { get; init; }

    /// <summary>Gets the type name, for example <c>datetimeV2.date</c>.</summary>
    public required string TypeName { get; init; }

    /// <summary>Gets the resolution: key <c>values</c> holds a list of flat string dictionaries (timex, type, value/start/end, Mod...).</summary>
    public required IReadOnlyDictionary<string, object> Resolution { get; init; }

    /// <summary>Gets the resolution values (the same list as <c>Resolution["values"]</c>).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Values =>
        (IReadOnlyList<IReadOnlyDictionary<string, string>>)Resolution["values"];
}
