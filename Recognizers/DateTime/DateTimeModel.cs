using AuthorBot.Recognizers.DateTime.Extractors;
using DateObject = System.DateTime;

namespace AuthorBot.Recognizers.DateTime;

/// <summary>The English datetimeV2 model: extract, parse and shape results like Recognizers-Text.</summary>
internal sealed class DateTimeModel(DateTimeOptions options)
{
    public DateTimeOptions Options { get; } = options;

    public IReadOnlyList<DateTimeModelResult> Parse(string query, DateObject reference)
    {
        ArgumentNullException.ThrowIfNull(query);
        var context = new DateTimeContext(query.ToLowerInvariant(), reference, Options);
        var results = new List<DateTimeModelResult>();
        foreach (var c in MergedDateTimeExtractor.Extract(context))
        {
            var values = DateTimeResolutionFormatter.ToValues(c.Value);
            results.Add(new DateTimeModelResult
            {
                Text = context.Text.Substring(c.Start, c.Length),
                Start = c.Start,
                End = c.End - 1,
                TypeName = "datetimeV2." + c.Value.Type,
                Resolution = new Dictionary<string, object>(StringComparer.Ordinal) { ["values"] = values },
            });
        }

        return results;
    }
}
