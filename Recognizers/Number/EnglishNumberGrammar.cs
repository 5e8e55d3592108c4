using AuthorBot.Recognizers.Number.English;

namespace AuthorBot.Recognizers.Number;

/// <summary>
/// Recognizes and evaluates English numbers over the tokens of one lower-cased query: digit literals, written
/// integers ("twenty-one trillion and three hundred"), decimals ("two hundred point zero three"), fractions
/// ("three and a fifth", "2 1/4", "one over three"), powers and ordinals. One instance per query; not shared.
/// </summary>
internal sealed class EnglishNumberGrammar
{
    private const int MaxFractionWords = 40;

    private readonly string _text;
    private readonly List<NumberToken> _tokens;

    public EnglishNumberGrammar(string lowerText)
    {
        _text = lowerText;
        _tokens = NumberTokenizer.Tokenize(lowerText);
    }

    public string Text => _text;

    public IReadOnlyList<NumberToken> Tokens => _tokens;

    private enum Prev
    {
        None,
        Article,
        Zero,
        Unit,
        Teen,
        Tens,
        Hundred,
        Scale,
        And,
        Hyphen,
        Digits,
        Dozen,
    }

    /// <summary>Character start of a candidate.</summary>
    public int StartOf(NumberCandidate c) => _tokens[c.FirstToken].Start;

    /// <summary>Character end (exclusive) of a candidate.</summary>
    public int EndOf(NumberCandidate c) => _tokens[c.EndToken - 1].End;

    /// <summary>All cardinal numbers (integers, decimals, fractions, powers), left to right, non-overlapping.</summary>
    public List<NumberCandidate> ExtractNumbers()
    {
        var results = new List<NumberCandidate>();
        var i = 0;
        while (i < _tokens.Count)
        {
            if (TryParseNumber(i, out var candidate))
            {
                results.Add(candidate);
                i = candidate.EndToken;
            }
            else
            {
                i++;
            }
        }

        return results;
    }

    /// <summary>All ordinals ("21st", "twenty-first", "two hundredth"), left to right.</summary>
    public List<NumberCandidate> ExtractOrdinals()
    {
        var results = new List<NumberCandidate>();
        var i = 0;
        while (i < _tokens.Count)
        {
            var token = _tokens[i];
            if (token.Kind == NumberTokenKind.OrdinalDigits)
            {
                results.Add(new NumberCandidate(i, i + 1, token.Value, NumberSubtype.Integer));
                i++;
                continue;
            }

            if (token.Kind == NumberTokenKind.Word)
            {
                var parse = ParseInteger(i, allowOrdinal: true);
                if (parse.End > i && parse.IsOrdinal)
                {
                    if (!parse.ArticleBeforeRoundOrdinal)
                    {
                        results.Add(new NumberCandidate(i, parse.End, parse.Value, NumberSubtype.Integer));
                    }

                    i = parse.End;
                    continue;
                }
            }

            i++;
        }

        return results;
    }

    /// <summary>Tries to read a number starting at token <paramref name="i"/>, including a sign or "minus"/"negative".</summary>
    public bool TryParseNumber(int i, out NumberCandidate candidate)
    {
        candidate = default;
        var start = i;
        var negative = false;
        if (IsSign(i) || IsWord(i, EnglishNumberData.Minus) || IsWord(i, EnglishNumberData.Negative))
        {
            negative = true;
            start = i + 1;
        }

        if (!TryParseUnsigned(start, out candidate))
        {
            return false;
        }

        if (negative)
        {
            candidate = candidate with { FirstToken = i, Value = -candidate.Value };
        }

        return true;
    }

    private bool TryParseUnsigned(int i, out NumberCandidate best)
    {
        best = default;
        if (i >= _tokens.Count)
        {
            return false;
        }

        var token = _tokens[i];
        if (token.Kind == NumberTokenKind.VulgarFraction)
        {
            best = new NumberCandidate(i, i + 1, token.Value, NumberSubtype.Fraction);
            return true;
        }

        if (token.Kind == NumberTokenKind.Power)
        {
            best = new NumberCandidate(i, i + 1, token.Value, NumberSubtype.Power);
            return true;
        }

        if (token.Kind is not (NumberTokenKind.Digits or NumberTokenKind.Word))
        {
            return false;
        }

        var found = false;
        if (TryParseDigitFraction(i, out var c))
        {
            best = c;
            found = true;
        }

        if (TryParsePrepositionFraction(i, out c) && (!found || c.EndToken > best.EndToken))
        {
            best = c;
            found = true;
        }

        if (TryParseWordFraction(i, out c) && (!found || c.EndToken > best.EndToken))
        {
            best = c;
            found = true;
        }

        if (TryParseIntegerOrDecimal(i, out c) && (!found || c.EndToken > best.EndToken))
        {
            best = c;
            found = true;
        }

        return found;
    }

    private bool TryParseIntegerOrDecimal(int i, out NumberCandidate candidate)
    {
        candidate = default;
        var parse = ParseInteger(i, allowOrdinal: false);
        if (parse.End <= i)
        {
            return false;
        }

        // "the one you mentioned": a pronoun, not a number.
        if (parse.End == i + 1 && !parse.StartsWithDigits && _tokens[i].Word is { Kind: NumberWordKind.Unit, Value: 1 }
            && i > 0 && _tokens[i - 1].Kind == NumberTokenKind.Word
            && EnglishNumberData.PronounOneLookup.Contains(Span(i - 1)))
        {
            return false;
        }

        if (parse.StartsWithDigits)
        {
            var isDecimal = parse.DecimalDigits && parse.Value != Math.Floor(parse.Value);
            candidate = new NumberCandidate(i, parse.End, parse.Value, isDecimal ? NumberSubtype.Decimal : NumberSubtype.Integer);
            return true;
        }

        if (IsWord(parse.End, EnglishNumberData.Point) && TryParseDecimalWords(parse.End + 1, out var fraction, out var end))
        {
            candidate = new NumberCandidate(i, end, parse.Value + fraction, NumberSubtype.Decimal);
            return true;
        }

        candidate = new NumberCandidate(i, parse.End, parse.Value, NumberSubtype.Integer);
        return true;
    }

    /// <summary>The digits after "point": "zero three" is .03, "seventy-one" is .71, "eleven" is .11.</summary>
    private bool TryParseDecimalWords(int i, out double fraction, out int end)
    {
        fraction = 0;
        end = i;
        Span<char> digits = stackalloc char[24];
        digits[0] = '0';
        digits[1] = '.';
        var n = 2;
        if (WordAt(i) is { IsOrdinal: false, Kind: NumberWordKind.Teen or NumberWordKind.Tens } first)
        {
            var value = (int)first.Value;
            end = i + 1;
            if (first.Kind == NumberWordKind.Tens)
            {
                var unitAt = IsPunct(end, '-') ? end + 1 : end;
                if (WordAt(unitAt) is { IsOrdinal: false, Kind: NumberWordKind.Unit } unit)
                {
                    value += (int)unit.Value;
                    end = unitAt + 1;
                }
            }

            value.TryFormat(digits[n..], out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            n += written;
        }
        else
        {
            while (n < digits.Length && WordAt(end) is { IsOrdinal: false, Kind: NumberWordKind.Zero or NumberWordKind.Unit } digit)
            {
                digits[n++] = (char)('0' + (int)digit.Value);
                end++;
            }
        }

        if (n == 2)
        {
            return false;
        }

        fraction = double.Parse(digits[..n], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>"3/4", "2 1/4"; not "5/17/2018" nor the "2222/2222" of a phone number.</summary>
    private bool TryParseDigitFraction(int i, out NumberCandidate candidate)
    {
        candidate = default;
        if (!_tokens[i].IsPlainInteger || IsPunct(i - 1, '/') || IsPunct(i - 1, '.') || (IsPunct(i - 1, '-') && !IsSign(i - 1)))
        {
            return false;
        }

        var whole = 0.0;
        var numeratorAt = i;
        if (i + 3 < _tokens.Count && _tokens[i + 1].IsPlainInteger && IsPunct(i + 2, '/'))
        {
            whole = _tokens[i].Value;
            numeratorAt = i + 1;
        }

        var slash = numeratorAt + 1;
        var denominatorAt = numeratorAt + 2;
        if (!IsPunct(slash, '/') || denominatorAt >= _tokens.Count || !_tokens[denominatorAt].IsPlainInteger
            || IsPunct(denominatorAt + 1, '/') || _tokens[denominatorAt].Value == 0)
        {
            return false;
        }

        var value = whole + (_tokens[numeratorAt].Value / _tokens[denominatorAt].Value);
        candidate = new NumberCandidate(i, denominatorAt + 1, value, NumberSubtype.Fraction);
        return true;
    }

    /// <summary>"one over three", "1 out of 3", "1 in twenty-one"; not "$2000 over 3 years".</summary>
    private bool TryParsePrepositionFraction(int i, out NumberCandidate candidate)
    {
        candidate = default;
        if (i > 0 && _tokens[i - 1].Kind == NumberTokenKind.Punct && EnglishNumberData.CurrencySymbols.Contains(_text[_tokens[i - 1].Start], StringComparison.Ordinal))
        {
            return false;
        }

        if (!TryParseWholeNumber(i, out var numerator, out var afterNumerator))
        {
            return false;
        }

        int denominatorAt;
        var ambiguous = false;
        if (IsWord(afterNumerator, EnglishNumberData.Over))
        {
            denominatorAt = afterNumerator + 1;
        }
        else if (IsWord(afterNumerator, EnglishNumberData.In))
        {
            denominatorAt = afterNumerator + 1;
            ambiguous = true;
        }
        else if (IsWord(afterNumerator, EnglishNumberData.Out) && IsWord(afterNumerator + 1, EnglishNumberData.Of))
        {
            denominatorAt = afterNumerator + 2;
            ambiguous = true;
        }
        else
        {
            return false;
        }

        // "12 out of 10" and "8 in 5" are two counts, not a fraction.
        if (!TryParseWholeNumber(denominatorAt, out var denominator, out var end) || denominator == 0 || (ambiguous && numerator >= denominator))
        {
            return false;
        }

        candidate = new NumberCandidate(i, end, numerator / denominator, NumberSubtype.Fraction);
        return true;
    }

    private bool TryParseWholeNumber(int i, out double value, out int end)
    {
        value = 0;
        end = i;
        if (i >= _tokens.Count)
        {
            return false;
        }

        if (_tokens[i].Kind == NumberTokenKind.Digits)
        {
            if (!_tokens[i].IsPlainInteger)
            {
                return false;
            }

            value = _tokens[i].Value;
            end = i + 1;
            return true;
        }

        var parse = ParseInteger(i, allowOrdinal: false);
        if (parse.End <= i || parse.StartsWithDigits)
        {
            return false;
        }

        value = parse.Value;
        end = parse.End;
        return true;
    }

    /// <summary>"two thirds", "one and a half", "a hundred trillionths", "ninety - five hundred-fifths", "half".</summary>
    private bool TryParseWordFraction(int i, out NumberCandidate candidate)
    {
        candidate = default;
        Span<FractionWord> words = stackalloc FractionWord[MaxFractionWords];
        var count = 0;
        var hasOne = false;
        var hyphenBefore = false;
        var j = i;
        while (j < _tokens.Count && count < MaxFractionWords - 1)
        {
            var token = _tokens[j];
            if (token.Kind == NumberTokenKind.Word && token.Word is { } word)
            {
                if (word.IsOrdinal)
                {
                    break;
                }

                if (word.Kind is NumberWordKind.Zero or NumberWordKind.Dozen)
                {
                    return false;
                }

                if (hyphenBefore && word.Kind == NumberWordKind.Unit && count > 0 && words[count - 1].Kind == NumberWordKind.Tens)
                {
                    // "ninety - five" is one word, 95.
                    words[count - 1] = new FractionWord(words[count - 1].Value + word.Value, NumberWordKind.Unit, false);
                }
                else
                {
                    words[count++] = new FractionWord(word.Value, word.Kind, false);
                }

                hasOne |= word.Kind == NumberWordKind.Unit && word.Value == 1;
                hyphenBefore = false;
            }
            else if (j == i && token.IsPlainInteger && WordAt(j + 1) is { IsOrdinal: false, Kind: NumberWordKind.Hundred or NumberWordKind.Scale })
            {
                // "3 million and a half"
                words[count++] = new FractionWord(token.Value, NumberWordKind.Unit, false);
            }
            else if (IsWord(j, EnglishNumberData.And) && count > 0 && !hyphenBefore && StartsFractionPart(j + 1))
            {
                words[count++] = new FractionWord(0, NumberWordKind.Zero, true);
            }
            else if (token.Kind == NumberTokenKind.Word && EnglishNumberData.IsArticle(Span(j)) && !hyphenBefore && (count == 0 || words[count - 1].IsSeparator))
            {
                words[count++] = new FractionWord(1, NumberWordKind.Unit, false);
                hasOne = true;
            }
            else if (IsPunct(j, '-') && count > 0 && !hyphenBefore && !words[count - 1].IsSeparator)
            {
                hyphenBefore = true;
            }
            else
            {
                return false;
            }

            j++;
        }

        if (WordAt(j) is not { IsOrdinal: true } ordinal)
        {
            return false;
        }

        var isHalf = IsWord(j, EnglishNumberData.Half);
        var scaleAfter = ScaleAfterFraction(j + 1, out var scaleEnd);
        if (count == 0)
        {
            // A bare "half" ("more than half people") is one half, "quarter million" a quarter of a million;
            // other bare ordinals are ordinals.
            if (!isHalf && !(ordinal.Kind == NumberWordKind.FractionOnly && scaleAfter > 0))
            {
                return false;
            }
        }
        else
        {
            var isFirstOrSecond = ordinal.Kind == NumberWordKind.Unit && ordinal.Value <= 2 && !hyphenBefore;
            if (ordinal.IsPlural)
            {
                // "seconds" is a unit of time, not halves.
                if (isFirstOrSecond && ordinal.Value == 2)
                {
                    return false;
                }
            }
            else if (!hasOne || isFirstOrSecond)
            {
                return false;
            }
        }

        words[count++] = new FractionWord(ordinal.Value, ordinal.Kind, false);
        var (whole, fraction) = WrittenFraction.Evaluate(words[..count]);
        var value = whole + fraction;
        var end = j + 1;
        if (scaleAfter > 0)
        {
            // "five and a half million" is 5.5 million, but "one billion and a half million" is 1e9 + 0.5e6.
            value = whole >= scaleAfter ? whole + (fraction * scaleAfter) : value * scaleAfter;
            end = scaleEnd;
        }
        else if (ScaleBeforeLastAnd(words[..count]) is > 0 and var scale)
        {
            // "two million and three fifths" is 2.6 million.
            value = whole + (fraction * scale);
        }

        candidate = new NumberCandidate(i, end, value, NumberSubtype.Fraction);
        return true;
    }

    /// <summary>A scale word after a fraction: "half million", "two thirds of a million". Returns 0 when none.</summary>
    private double ScaleAfterFraction(int j, out int end)
    {
        end = j;
        if (IsWord(j, EnglishNumberData.Of) && j + 1 < _tokens.Count && EnglishNumberData.IsArticle(Span(j + 1)))
        {
            j += 2;
        }

        if (WordAt(j) is { IsOrdinal: false, Kind: NumberWordKind.Scale } scale)
        {
            end = j + 1;
            return scale.Value;
        }

        return 0;
    }

    /// <summary>The scale word right before the last "and" of a mixed number ("two million and a half"), or 0.</summary>
    private static double ScaleBeforeLastAnd(ReadOnlySpan<FractionWord> words)
    {
        for (var k = words.Length - 2; k > 0; k--)
        {
            if (words[k].IsSeparator)
            {
                return words[k - 1].Kind == NumberWordKind.Scale ? words[k - 1].Value : 0;
            }
        }

        return 0;
    }

    private bool StartsFractionPart(int j) =>
        (WordAt(j) is { Kind: not (NumberWordKind.Zero or NumberWordKind.Dozen) })
        || (j < _tokens.Count && _tokens[j].Kind == NumberTokenKind.Word && EnglishNumberData.IsArticle(Span(j)));

    /// <summary>Result of <see cref="ParseInteger"/>.</summary>
    internal readonly record struct IntegerParse(int End, double Value, bool IsOrdinal, bool StartsWithDigits, bool DecimalDigits, bool ArticleBeforeRoundOrdinal);

    /// <summary>
    /// Reads the longest well-formed integer at token <paramref name="i"/>: words, digits with scale words
    /// ("4 thousand 3 hundred and 21"), "a dozen", and with <paramref name="allowOrdinal"/> an ordinal last word.
    /// End equals <paramref name="i"/> when nothing was read.
    /// </summary>
    public IntegerParse ParseInteger(int i, bool allowOrdinal)
    {
        // "half a dozen" is six.
        if (IsWord(i, EnglishNumberData.Half) && i + 2 < _tokens.Count && EnglishNumberData.IsArticle(Span(i + 1))
            && _tokens[i + 1].Kind == NumberTokenKind.Word && WordAt(i + 2) is { Kind: NumberWordKind.Dozen })
        {
            return new IntegerParse(i + 3, 6, false, false, false, false);
        }

        double total = 0, group = 0, lastSimple = 0;
        var lastScale = double.PositiveInfinity;
        var prev = Prev.None;
        var beforeAnd = Prev.None;
        var tensOpen = false;
        var commitEnd = i;
        double commitValue = 0;
        var commitOrdinal = false;
        var andSeen = false;
        var andCommitEnd = i;
        double andCommitValue = 0;
        var startsWithDigits = false;
        var decimalDigits = false;
        var articleRound = false;

        for (var j = i; j < _tokens.Count; j++)
        {
            var token = _tokens[j];
            var accepted = false;
            var stop = false;
            var ordinal = false;
            var rejectedJoiner = false;

            if (token.Kind == NumberTokenKind.Word && token.Word is { } word)
            {
                if (word.IsOrdinal && (!allowOrdinal || word.IsPlural || word.Kind == NumberWordKind.FractionOnly))
                {
                    break;
                }

                ordinal = word.IsOrdinal;
                var v = word.Value;
                switch (word.Kind)
                {
                    case NumberWordKind.Zero:
                        accepted = prev == Prev.None;
                        stop = true;
                        prev = accepted ? Prev.Zero : prev;
                        break;
                    case NumberWordKind.Unit:
                        if (prev is Prev.None or Prev.Hundred or Prev.Scale or Prev.And || (prev is Prev.Tens or Prev.Hyphen && tensOpen))
                        {
                            lastSimple = prev is Prev.Tens or Prev.Hyphen ? lastSimple + v : v;
                            group += v;
                            tensOpen = false;
                            prev = Prev.Unit;
                            accepted = true;
                        }

                        break;
                    case NumberWordKind.Teen:
                    case NumberWordKind.Tens:
                        if (prev is Prev.None or Prev.Hundred or Prev.Scale or Prev.And)
                        {
                            group += v;
                            lastSimple = v;
                            tensOpen = word.Kind == NumberWordKind.Tens;
                            prev = word.Kind == NumberWordKind.Tens ? Prev.Tens : Prev.Teen;
                            accepted = true;
                        }

                        break;
                    case NumberWordKind.Hundred:
                        rejectedJoiner = true;
                        if ((prev is Prev.Article or Prev.Unit or Prev.Teen or Prev.Tens or Prev.Digits && (group < 100 || (startsWithDigits && j == i + 1)))
                            || (prev == Prev.None && ordinal))
                        {
                            articleRound = prev == Prev.Article && ordinal;
                            group = (prev is Prev.None or Prev.Article ? 1 : group) * v;
                            lastSimple = 0;
                            tensOpen = false;
                            prev = Prev.Hundred;
                            accepted = true;
                        }

                        break;
                    case NumberWordKind.Scale:
                        rejectedJoiner = true;
                        if (prev is Prev.Article or Prev.Unit or Prev.Teen or Prev.Tens or Prev.Hundred or Prev.Digits && v < lastScale)
                        {
                            articleRound = prev == Prev.Article && ordinal;
                            total += (prev == Prev.Article ? 1 : group) * v;
                            group = 0;
                            lastScale = v;
                            accepted = true;
                        }
                        else if (prev == Prev.Scale && group == 0 && v > lastScale)
                        {
                            // "three lakh crore"
                            total *= v;
                            lastScale = v;
                            accepted = true;
                        }
                        else if (prev == Prev.None && ordinal)
                        {
                            total = v;
                            lastScale = v;
                            accepted = true;
                        }

                        if (accepted)
                        {
                            tensOpen = false;
                            lastSimple = 0;
                            prev = Prev.Scale;
                        }

                        break;
                    case NumberWordKind.Dozen:
                        rejectedJoiner = true;
                        if (prev is Prev.Article or Prev.Unit or Prev.Teen or Prev.Tens or Prev.Digits)
                        {
                            group = prev == Prev.Article ? v : group - lastSimple + (lastSimple * v);
                            prev = Prev.Dozen;
                            accepted = true;
                            stop = true;
                        }

                        break;
                    default:
                        break;
                }
            }
            else if (token.Kind == NumberTokenKind.Word)
            {
                var text = Span(j);
                if (text is EnglishNumberData.And && prev is Prev.Hundred or Prev.Scale && StartsSmallNumber(j + 1, allowOrdinal))
                {
                    andCommitEnd = commitEnd;
                    andCommitValue = commitValue;
                    andSeen = true;
                    beforeAnd = prev;
                    prev = Prev.And;
                    continue;
                }

                if (EnglishNumberData.IsArticle(text) && prev == Prev.None
                    && WordAt(j + 1) is { Kind: NumberWordKind.Hundred or NumberWordKind.Scale or NumberWordKind.Dozen, IsPlural: false } next
                    && (!next.IsOrdinal || allowOrdinal))
                {
                    prev = Prev.Article;
                    continue;
                }

                if (prev == Prev.Digits && startsWithDigits && j == i + 1 && !_tokens[i].Flags.HasFlag(DigitFlags.Suffixed)
                    && EnglishNumberData.DigitSuffixLookup.TryGetValue(text, out var multiplier))
                {
                    group *= multiplier;
                    accepted = true;
                    stop = true;
                }
            }
            else if (token.Kind == NumberTokenKind.Punct && _text[token.Start] == '-')
            {
                if (prev == Prev.Tens && tensOpen && WordAt(j + 1) is { Kind: NumberWordKind.Unit, IsPlural: false } unit && (!unit.IsOrdinal || allowOrdinal))
                {
                    prev = Prev.Hyphen;
                    continue;
                }
            }
            else if (token.Kind == NumberTokenKind.Digits)
            {
                if (prev == Prev.None)
                {
                    group = token.Value;
                    lastSimple = token.Value;
                    startsWithDigits = true;
                    decimalDigits = token.Flags.HasFlag(DigitFlags.Decimal);
                    prev = Prev.Digits;
                    accepted = true;
                    stop = token.Flags.HasFlag(DigitFlags.Suffixed);
                }
                else if (prev is Prev.Hundred or Prev.Scale or Prev.And && token.IsPlainInteger && token.Value > 0
                    && token.Value < (prev == Prev.Hundred || (prev == Prev.And && beforeAnd == Prev.Hundred) ? 100 : 1000))
                {
                    group += token.Value;
                    lastSimple = token.Value;
                    prev = Prev.Digits;
                    accepted = true;
                }
            }

            if (!accepted)
            {
                if (andSeen && rejectedJoiner)
                {
                    // "3 hundred and 2 hundred" is two numbers: give back the "and".
                    commitEnd = andCommitEnd;
                    commitValue = andCommitValue;
                    commitOrdinal = false;
                }

                break;
            }

            commitEnd = j + 1;
            commitValue = total + group;
            commitOrdinal = ordinal;
            if (ordinal || stop)
            {
                break;
            }
        }

        return new IntegerParse(commitEnd, commitValue, commitOrdinal, startsWithDigits, decimalDigits, articleRound && commitOrdinal);
    }

    private bool StartsSmallNumber(int j, bool allowOrdinal)
    {
        if (j >= _tokens.Count)
        {
            return false;
        }

        var token = _tokens[j];
        if (token.Kind == NumberTokenKind.Digits)
        {
            return token.IsPlainInteger;
        }

        return token.Word is { Kind: NumberWordKind.Unit or NumberWordKind.Teen or NumberWordKind.Tens, IsPlural: false } w && (!w.IsOrdinal || allowOrdinal);
    }

    /// <summary>A "-" that is a minus sign: not glued to a word or number on its left, and followed by digits.</summary>
    public bool IsSign(int j)
    {
        if (!IsPunct(j, '-') || j + 1 >= _tokens.Count || _tokens[j + 1].Kind is not (NumberTokenKind.Digits or NumberTokenKind.Power))
        {
            return false;
        }

        if (j == 0)
        {
            return true;
        }

        var left = _tokens[j - 1];
        return left.End < _tokens[j].Start || left.Kind == NumberTokenKind.Punct;
    }

    public ReadOnlySpan<char> Span(int j) => _text.AsSpan(_tokens[j].Start, _tokens[j].Length);

    public bool IsWord(int j, string word) =>
        j >= 0 && j < _tokens.Count && _tokens[j].Kind == NumberTokenKind.Word && Span(j).SequenceEqual(word);

    public bool IsPunct(int j, char c) =>
        j >= 0 && j < _tokens.Count && _tokens[j].Kind == NumberTokenKind.Punct && _text[_tokens[j].Start] == c;

    public NumberWord? WordAt(int j) => j >= 0 && j < _tokens.Count ? _tokens[j].Word : null;
}
