using AuthorBot.Recognizers.Sequence.English;

namespace AuthorBot.Recognizers.Sequence;

/// <summary>
/// Finds phone numbers. Every numbering-plan shape is matched; covered characters are merged into runs and a run
/// is kept only when one match spans it exactly, as Recognizers-Text's sequence extractor does. Then runs that are
/// really SSNs, card numbers, formulas, dates or hex dumps are dropped.
/// </summary>
internal static class PhoneNumberExtractor
{
    public static List<SequenceMatch> Extract(string lowerText)
    {
        ArgumentNullException.ThrowIfNull(lowerText);
        var results = new List<SequenceMatch>();
        if (lowerText.Length == 0 || !PhoneNumberData.PreCheck().IsMatch(lowerText))
        {
            return results;
        }

        var matched = new bool[lowerText.Length];
        var spans = new HashSet<(int Start, int Length)>();
        var italian = new HashSet<(int Start, int Length)>();
        foreach (var (name, regex) in PhoneNumberData.Shapes)
        {
            foreach (var m in regex.EnumerateMatches(lowerText))
            {
                if (m.Length == 0)
                {
                    continue;
                }

                Array.Fill(matched, true, m.Index, m.Length);
                spans.Add((m.Index, m.Length));
                if (name == "IT")
                {
                    italian.Add((m.Index, m.Length));
                }
            }
        }

        var runStart = -1;
        for (var i = 0; i <= lowerText.Length; i++)
        {
            var on = i < lowerText.Length && matched[i];
            if (on && runStart < 0)
            {
                runStart = i;
            }
            else if (!on && runStart >= 0)
            {
                var run = (runStart, i - runStart);
                if (spans.Contains(run))
                {
                    var candidate = new SequenceMatch(runStart, i - runStart);
                    var adjusted = Filter(lowerText, candidate, italian.Contains(run));
                    if (adjusted is { } kept)
                    {
                        results.Add(kept);
                    }
                }

                runStart = -1;
            }
        }

        RemoveHexDumps(lowerText, results);
        return results;
    }

    private static SequenceMatch? Filter(string text, SequenceMatch er, bool italian)
    {
        var span = text.AsSpan(er.Start, er.Length);
        var digits = CountDigits(span);
        if ((digits < 7 && !italian) || PhoneNumberData.SocialSecurityNumber().IsMatch(span))
        {
            return null;
        }

        // 16 digits without '+' is a card number; 15 in groups of 3-4 too.
        if (digits == 16 && span[0] != '+')
        {
            return null;
        }

        if (digits == 15 && IsCardGrouping(span))
        {
            return null;
        }

        if (PhoneNumberData.AmbiguousFourFour().IsMatch(span) && PhoneNumberData.FormNumberContext().IsMatch(text))
        {
            return null;
        }

        if (er.End < text.Length && PhoneNumberData.ForbiddenSuffixMarkers.Contains(text[er.End], StringComparison.Ordinal))
        {
            return null;
        }

        if (er.Start == 0)
        {
            return er;
        }

        var ch = text[er.Start - 1];
        var front = text.AsSpan(0, er.Start - 1);
        if (PhoneNumberData.FalsePositivePrefix().IsMatch(front))
        {
            return null;
        }

        if (PhoneNumberData.BoundaryMarkers.Contains(ch, StringComparison.Ordinal))
        {
            if (PhoneNumberData.SpecialBoundaryMarkers.Contains(ch, StringComparison.Ordinal)
                && PhoneNumberData.FormatIndicator().IsMatch(span) && er.Start >= 2)
            {
                var gap = text[er.Start - 2];
                if (!char.IsDigit(gap) && !char.IsWhiteSpace(gap))
                {
                    // "91a-677-0060" is a code; "OFFICE-1(516)733-3989" (only letters before) is a label.
                    var onlyNonDigitsBefore = !text.AsSpan(0, er.Start - 2).ContainsAnyInRange('0', '9') && er.Start - 2 > 0;
                    return char.IsLower(gap) && !onlyNonDigitsBefore ? null : er;
                }

                var dialing = PhoneNumberData.InternationalDialingPrefix().Match(text, 0, er.Start - 1);
                if (dialing.Success)
                {
                    var move = dialing.Length + 1;
                    return new SequenceMatch(er.Start - move, er.Length + move);
                }
            }

            // "-1234567", "-1234+5678"
            return null;
        }

        if (PhoneNumberData.ForbiddenPrefixMarkers.Contains(ch, StringComparison.Ordinal))
        {
            // "tel:123456" keeps its number; "1767:1771" does not.
            return ch == ':' && PhoneNumberData.ColonPrefixCheck().IsMatch(front) ? er : null;
        }

        return er;
    }

    private static bool IsCardGrouping(ReadOnlySpan<char> span)
    {
        foreach (var range in span.Split(' '))
        {
            var count = CountDigits(span[range]);
            if (count is not (3 or 4))
            {
                return false;
            }
        }

        return true;
    }

    private static void RemoveHexDumps(string text, List<SequenceMatch> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        foreach (var mask in PhoneNumberData.HexMask().EnumerateMatches(text))
        {
            var (start, end) = (mask.Index, mask.Index + mask.Length);
            results.RemoveAll(r => r.Start >= start && r.End <= end);
        }
    }

    internal static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                count++;
            }
        }

        return count;
    }
}
