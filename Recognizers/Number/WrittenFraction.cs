namespace AuthorBot.Recognizers.Number;

/// <summary>
/// Evaluates written fractions such as "one hundred thirty fifths" (100/35) versus "one hundred thirty two fifths"
/// (132/5). The split between numerator and denominator follows the rule of Recognizers-Text's
/// <c>BaseNumberParser.FracLikeNumberParse</c> (MIT, see NOTICE), reimplemented over typed words.
/// </summary>
internal static class WrittenFraction
{
    private const double Hundred = 100;

    /// <summary>
    /// Value of <paramref name="words"/> (the last word is the ordinal denominator) as a whole part and a
    /// fractional part, kept apart so callers can scale the fraction alone ("two million and three fifths").
    /// </summary>
    public static (double Whole, double Fraction) Evaluate(ReadOnlySpan<FractionWord> words)
    {
        var count = words.Length;
        if (count == 1)
        {
            return (0, 1 / words[0].Value);
        }

        var current = words[count - 1].Value;
        double round = 1;
        int split;
        for (split = count - 2; split >= 0; split--)
        {
            if (words[split].IsSeparator)
            {
                continue;
            }

            var previous = current;
            current = words[split].Value;
            if ((previous >= Hundred && previous > current) || (previous < Hundred && IsComposable(current, previous)))
            {
                if (previous < Hundred && current >= round)
                {
                    round = current;
                }
                else if (previous < Hundred && current < round)
                {
                    split++;
                    break;
                }

                if (split == 0)
                {
                    // The whole phrase composes; cut after the first "hundred"-or-more word followed by a small one.
                    split = 1;
                    while (split <= count - 2)
                    {
                        if (words[split].Value >= Hundred && !words[split + 1].IsSeparator && words[split + 1].Value < Hundred)
                        {
                            split++;
                            break;
                        }

                        split++;
                    }

                    break;
                }

                continue;
            }

            split++;
            break;
        }

        split = Math.Max(split, 0);
        if (words[split].IsSeparator)
        {
            // "two and fifty-four hundredths": the denominator is the ordinal alone.
            split = count - 1;
        }

        var denominator = EvaluateInteger(words[split..]);
        var numeratorWords = words[..split];

        // "one hundred and three quarters": the words after the last "and" are the numerator of a mixed number.
        double numerator = 0;
        var mixedIndex = numeratorWords.Length;
        for (var i = numeratorWords.Length - 2; i >= 0; i--)
        {
            if (numeratorWords[i].IsSeparator)
            {
                numerator = EvaluateInteger(numeratorWords[(i + 1)..]);
                mixedIndex = i + 1;
                break;
            }
        }

        var integer = EvaluateInteger(numeratorWords[..mixedIndex]);
        return mixedIndex != numeratorWords.Length && numerator < denominator
            ? (integer, numerator / denominator)
            : (0, (integer + numerator) / denominator);
    }

    /// <summary>"hundred" composes with "thirty" but "twenty" does not compose with "thirty".</summary>
    private static bool IsComposable(double big, double small)
    {
        var baseNumber = small > 10 ? 100 : 10;
        return big % baseNumber == 0 && big / baseNumber >= 1;
    }

    /// <summary>Integer value of number words, ordinals counting as their cardinal ("thirty fifth" = 35).</summary>
    public static double EvaluateInteger(ReadOnlySpan<FractionWord> words)
    {
        double total = 0;
        double group = 0;
        foreach (var word in words)
        {
            if (word.IsSeparator)
            {
                continue;
            }

            switch (word.Kind)
            {
                case NumberWordKind.Hundred:
                    group = (group == 0 ? 1 : group) * word.Value;
                    break;
                case NumberWordKind.Scale:
                    if (group == 0 && total > 0)
                    {
                        total *= word.Value;
                    }
                    else
                    {
                        total += (group == 0 ? 1 : group) * word.Value;
                        group = 0;
                    }

                    break;
                default:
                    group += word.Value;
                    break;
            }
        }

        return total + group;
    }
}
