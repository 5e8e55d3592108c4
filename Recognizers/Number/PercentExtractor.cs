using AuthorBot.Recognizers.Number.English;

namespace AuthorBot.Recognizers.Number;

/// <summary>Finds percentages: "20%", "twenty percent", "per cent of 210", "minus five percent".</summary>
internal static class PercentExtractor
{
    public const string TypePercent = "percentage";

    /// <summary>
    /// Percentages in <paramref name="query"/>; <see cref="ExtractResult.Data"/> is the numeric value (20 for 20%),
    /// or null for a percentage without a number ("a small percent").
    /// </summary>
    public static List<ExtractResult> Extract(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var grammar = new EnglishNumberGrammar(query.ToLowerInvariant());
        var tokens = grammar.Tokens;
        var text = grammar.Text;
        var results = new List<ExtractResult>();
        foreach (var c in grammar.ExtractNumbers())
        {
            var first = c.FirstToken;
            var after = c.EndToken;

            // Inside URLs ("%2020%", "30%25") a percent sign is an escape, not a percentage.
            if (first > 0 && grammar.IsPunct(first - 1, '%') && tokens[first - 1].End == tokens[first].Start)
            {
                continue;
            }

            int end = -1;
            if (grammar.IsPunct(after, '%'))
            {
                var sign = tokens[after];
                var glued = sign.End < text.Length && char.IsLetterOrDigit(text[sign.End]);
                if (!glued)
                {
                    end = sign.End;
                }
            }
            else if (after < tokens.Count && tokens[after].Kind == NumberTokenKind.Word && EnglishOrdinalData.IsPercentWord(grammar.Span(after)))
            {
                end = tokens[after].End;
            }
            else if (grammar.IsWord(after, "per") && grammar.IsWord(after + 1, "cent"))
            {
                end = tokens[after + 1].End;
            }

            var start = grammar.StartOf(c);
            if (end < 0 && grammar.IsWord(first - 1, EnglishNumberData.Of))
            {
                // "percents of twenty", "per cent of 210"
                if (first >= 2 && tokens[first - 2].Kind == NumberTokenKind.Word && EnglishOrdinalData.IsPercentWord(grammar.Span(first - 2)))
                {
                    start = tokens[first - 2].Start;
                    end = grammar.EndOf(c);
                }
                else if (grammar.IsWord(first - 2, "cent") && grammar.IsWord(first - 3, "per"))
                {
                    start = tokens[first - 3].Start;
                    end = grammar.EndOf(c);
                }
            }

            if (end >= 0)
            {
                results.Add(new ExtractResult(start, end - start, TypePercent, c.Value));
            }
        }

        AddBarePercents(grammar, results);
        return results;
    }

    /// <summary>
    /// "a small percent", "the % of increase", "a percentage": a percentage without a number, resolved to the
    /// value "null" as Recognizers-Text does. A bare '%' counts only between spaces, so URL escapes stay out.
    /// </summary>
    private static void AddBarePercents(EnglishNumberGrammar grammar, List<ExtractResult> results)
    {
        var tokens = grammar.Tokens;
        var text = grammar.Text;
        for (var j = 0; j < tokens.Count; j++)
        {
            var token = tokens[j];
            var isWord = token.Kind == NumberTokenKind.Word && EnglishOrdinalData.IsPercentWord(grammar.Span(j));
            var isSign = grammar.IsPunct(j, '%')
                && (token.Start == 0 || char.IsWhiteSpace(text[token.Start - 1]))
                && (token.End == text.Length || char.IsWhiteSpace(text[token.End]));
            if ((isWord || isSign) && !results.Exists(r => r.Start <= token.Start && token.End <= r.End))
            {
                results.Add(new ExtractResult(token.Start, token.Length, TypePercent, null));
            }
        }

        results.Sort(static (a, b) => a.Start.CompareTo(b.Start));
    }
}
