using System.Globalization;
using AuthorBot.Recognizers.Number.English;

namespace AuthorBot.Recognizers.Number;

/// <summary>Splits a lower-cased query into words, digit literals and punctuation.</summary>
internal static class NumberTokenizer
{
    public static List<NumberToken> Tokenize(string text)
    {
        var tokens = new List<NumberToken>(Math.Max(4, text.Length / 4));
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))))
            {
                i = ReadDigits(text, i, tokens);
            }
            else if (char.IsLetter(c))
            {
                var end = i;
                while (end < text.Length && char.IsLetter(text[end]))
                {
                    end++;
                }

                if (end < text.Length && char.IsDigit(text[end]))
                {
                    end = SkipAlphanumeric(text, end);
                    tokens.Add(new NumberToken(i, end, NumberTokenKind.Junk, 0, null, DigitFlags.None));
                }
                else
                {
                    NumberWord? word = EnglishNumberData.WordLookup.TryGetValue(text.AsSpan(i, end - i), out var w) ? w : null;
                    tokens.Add(new NumberToken(i, end, NumberTokenKind.Word, 0, word, DigitFlags.None));
                }

                i = end;
            }
            else if (EnglishNumberData.VulgarFractions.TryGetValue(c, out var fraction))
            {
                tokens.Add(new NumberToken(i, i + 1, NumberTokenKind.VulgarFraction, fraction, null, DigitFlags.None));
                i++;
            }
            else
            {
                // Surrogate pairs stay together so an emoji is one token.
                var len = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                tokens.Add(new NumberToken(i, i + len, NumberTokenKind.Punct, 0, null, DigitFlags.None));
                i += len;
            }
        }

        return tokens;
    }

    private static int SkipAlphanumeric(string text, int i)
    {
        while (i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int ReadDigits(string text, int start, List<NumberToken> tokens)
    {
        int end;
        DigitFlags flags;
        NumberTokenKind kind = NumberTokenKind.Digits;
        double value;

        // A number right after "22," in "22,24,26" must not take the comma forms again.
        var afterDigitComma = start >= 2 && text[start - 1] == ',' && char.IsAsciiDigit(text[start - 2]);
        if (text[start] == '.')
        {
            end = start + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            flags = DigitFlags.Decimal;
            value = ParseLiteral(text.AsSpan(start, end - start), false);
        }
        else
        {
            var match = EnglishNumberData.DigitLiteral().Match(text, start);
            var chain = match.Groups["chain"];
            if (chain.Success)
            {
                EmitChain(text, start, match.Length, tokens);
                return FinishAfterLiteral(text, start + match.Length, tokens, emitted: true);
            }

            if (match.Groups["power"].Success)
            {
                end = start + match.Length;
                tokens.Add(new NumberToken(start, end, NumberTokenKind.Power, ParsePower(text.AsSpan(start, end - start)), null, DigitFlags.None));
                return end;
            }

            if (afterDigitComma && (match.Groups["grouped"].Success || match.Groups["indian"].Success || match.Groups["comma"].Success))
            {
                end = start;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                flags = DigitFlags.None;
                value = ParseLiteral(text.AsSpan(start, end - start), false);
            }
            else
            {
                end = start + match.Length;
                var literal = text.AsSpan(start, match.Length);
                var comma = match.Groups["comma"].Success;
                flags = comma ? DigitFlags.Decimal : DigitFlags.None;
                if (match.Groups["grouped"].Success || match.Groups["indian"].Success || match.Groups["spaced"].Success)
                {
                    flags |= DigitFlags.Grouped;
                }

                if (!comma && literal.Contains('.'))
                {
                    flags |= DigitFlags.Decimal;
                }

                value = ParseLiteral(literal, comma);
            }
        }

        // Letters glued to the digits: an ordinal suffix, a multiplier, or something else entirely ("180ml").
        if (end < text.Length && char.IsLetter(text[end]))
        {
            var letters = end;
            while (letters < text.Length && char.IsLetter(text[letters]))
            {
                letters++;
            }

            var suffix = text.AsSpan(end, letters - end);
            var glued = letters < text.Length && char.IsDigit(text[letters]);
            if (!glued && flags == DigitFlags.None && EnglishNumberData.IsOrdinalSuffix(suffix))
            {
                tokens.Add(new NumberToken(start, letters, NumberTokenKind.OrdinalDigits, value, null, DigitFlags.None));
                return letters;
            }

            // "1m" is one metre far more often than one million.
            if (!glued && EnglishNumberData.DigitSuffixLookup.TryGetValue(suffix, out var multiplier)
                && !(suffix is "m" && value == 1))
            {
                tokens.Add(new NumberToken(start, letters, kind, value * multiplier, null, flags | DigitFlags.Suffixed));
                return letters;
            }

            var junkEnd = SkipAlphanumeric(text, letters);
            tokens.Add(new NumberToken(start, junkEnd, NumberTokenKind.Junk, 0, null, DigitFlags.None));
            return junkEnd;
        }

        tokens.Add(new NumberToken(start, end, kind, value, null, flags));
        return end;
    }

    private static int FinishAfterLiteral(string text, int end, List<NumberToken> tokens, bool emitted)
    {
        _ = emitted;
        if (end < text.Length && char.IsLetter(text[end]))
        {
            // "1.2.3abc": the last group is glued to letters, so it is not a number.
            var last = tokens[^1];
            var junkEnd = SkipAlphanumeric(text, end);
            tokens[^1] = last with { End = junkEnd, Kind = NumberTokenKind.Junk };
            return junkEnd;
        }

        return end;
    }

    private static void EmitChain(string text, int start, int length, List<NumberToken> tokens)
    {
        // "192.168.1.2" is four integers, not a decimal followed by two more numbers.
        var i = start;
        var end = start + length;
        while (i < end)
        {
            var groupEnd = i;
            while (groupEnd < end && char.IsAsciiDigit(text[groupEnd]))
            {
                groupEnd++;
            }

            tokens.Add(new NumberToken(i, groupEnd, NumberTokenKind.Digits, ParseLiteral(text.AsSpan(i, groupEnd - i), false), null, DigitFlags.None));
            if (groupEnd < end)
            {
                tokens.Add(new NumberToken(groupEnd, groupEnd + 1, NumberTokenKind.Punct, 0, null, DigitFlags.None));
            }

            i = groupEnd + 1;
        }
    }

    /// <summary>Parses digits with group separators removed; <paramref name="commaDecimal"/> reads "1,3" as 1.3.</summary>
    public static double ParseLiteral(ReadOnlySpan<char> literal, bool commaDecimal)
    {
        Span<char> buffer = stackalloc char[literal.Length + 1];
        var n = 0;
        if (literal.Length > 0 && literal[0] == '.')
        {
            buffer[n++] = '0';
        }

        foreach (var ch in literal)
        {
            if (char.IsAsciiDigit(ch) || ch == '.')
            {
                buffer[n++] = ch;
            }
            else if (ch == ',' && commaDecimal)
            {
                buffer[n++] = '.';
            }
        }

        return double.Parse(buffer[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    /// <summary>"1e10" is 1 * 10^10; "1.1^-23" is 1.1 to the power -23; repeated minus signs cancel out.</summary>
    private static double ParsePower(ReadOnlySpan<char> literal)
    {
        var caret = literal.IndexOf('^');
        var times = literal.IndexOf("x10^", StringComparison.Ordinal);
        if (times >= 0)
        {
            // "1.3x10^6" is scientific notation: treat it as "1.3e6".
            caret = -1;
        }

        var isCaret = caret >= 0;
        var split = isCaret ? caret : times >= 0 ? times : literal.IndexOf('e');
        var mantissa = ParseLiteral(literal[..split], false);
        if (times >= 0)
        {
            split += 3;
        }

        var exponentPart = literal[(split + 1)..];
        var negative = false;
        var digitsStart = 0;
        while (digitsStart < exponentPart.Length && exponentPart[digitsStart] is '+' or '-')
        {
            negative ^= exponentPart[digitsStart] == '-';
            digitsStart++;
        }

        var exponent = ParseLiteral(exponentPart[digitsStart..], false);
        if (negative)
        {
            exponent = -exponent;
        }

        return isCaret ? Math.Pow(mantissa, exponent) : mantissa * Math.Pow(10, exponent);
    }
}
