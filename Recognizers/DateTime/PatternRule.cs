using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.DateTime;

/// <summary>A pattern of an extractor with the parser step that resolves what it matched (null rejects the match).</summary>
internal sealed record PatternRule(Regex Regex, Func<Match, DateTimeContext, DateTimeValue?> Parse)
{
    public void Run(DateTimeContext context, List<DateTimeCandidate> into)
    {
        foreach (Match m in Regex.Matches(context.Text))
        {
            if (m.Length == 0)
            {
                continue;
            }

            var value = Parse(m, context);
            if (value is not null)
            {
                into.Add(new DateTimeCandidate(m.Index, m.Length, value));
            }
        }
    }
}
