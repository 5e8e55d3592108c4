namespace AuthorBot.Recognizers.Number;

/// <summary>
/// Finds cardinal numbers in a query. Thread-safe and stateless; the date-time recognizer uses it for
/// "twenty one", "2.5" and friends.
/// </summary>
internal static class NumberExtractor
{
    public const string TypeNumber = "number";

    /// <summary>Numbers in <paramref name="query"/>, left to right; <see cref="ExtractResult.Data"/> is a <see cref="ParsedNumber"/>.</summary>
    public static List<ExtractResult> Extract(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var grammar = new EnglishNumberGrammar(query.ToLowerInvariant());
        return Extract(grammar);
    }

    /// <summary>Numbers found by an existing grammar (so callers that also need ordinals tokenize once).</summary>
    public static List<ExtractResult> Extract(EnglishNumberGrammar grammar)
    {
        var candidates = grammar.ExtractNumbers();
        var results = new List<ExtractResult>(candidates.Count);
        foreach (var c in candidates)
        {
            var start = grammar.StartOf(c);
            results.Add(new ExtractResult(start, grammar.EndOf(c) - start, TypeNumber, new ParsedNumber(c.Value, c.Subtype)));
        }

        return results;
    }

    /// <summary>
    /// Reads <paramref name="text"/> as exactly one number, cardinal ("twenty one", "2.5") or, with
    /// <paramref name="allowOrdinal"/>, ordinal ("third", "21st"). Surrounding whitespace is ignored.
    /// </summary>
    public static bool TryParseExact(string text, bool allowOrdinal, out double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        var grammar = new EnglishNumberGrammar(text.ToLowerInvariant());
        var tokens = grammar.Tokens;
        if (tokens.Count == 0)
        {
            return false;
        }

        if (grammar.TryParseNumber(0, out var number) && number.EndToken == tokens.Count)
        {
            value = number.Value;
            return true;
        }

        if (allowOrdinal)
        {
            var ordinals = grammar.ExtractOrdinals();
            if (ordinals.Count == 1 && ordinals[0].FirstToken == 0 && ordinals[0].EndToken == tokens.Count)
            {
                value = ordinals[0].Value;
                return true;
            }
        }

        return false;
    }
}
