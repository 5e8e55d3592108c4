using System.Globalization;
using AuthorBot.Recognizers.Sequence.English;

namespace AuthorBot.Recognizers.Sequence;

/// <summary>
/// Confidence of a phone number, 0..1, with Recognizers-Text's heuristic weights: a country or area code, format
/// separators and length raise it; long unformatted runs, repeated tail digits and odd shapes lower it.
/// </summary>
internal static class PhoneNumberScorer
{
    private const double UpperLimit = 100;
    private const double BaseScore = 30;
    private const double CountryCodeAward = 40;
    private const double AreaCodeAward = 30;
    private const double FormattedAward = 20;
    private const double LengthAward = 10;
    private const double TypicalFormatDeduction = 40;
    private const double ContinueDigitDeduction = 10;
    private const double TailSameDeduction = 10;
    private const double ContinueFormatIndicatorDeduction = 20;
    private const double WrongFormatDeduction = 20;
    private const int MaxFormatIndicators = 3;
    private const int MaxLengthAwards = 3;
    private const int TailSameLimit = 2;
    private const int LengthBase = 8;
    private const int PureDigitLengthLimit = 11;

    public static double Score(string phone)
    {
        var score = BaseScore;
        score += PhoneNumberData.CountryCode().IsMatch(phone) ? CountryCodeAward : phone.Contains('(', StringComparison.Ordinal) ? AreaCodeAward : 0;

        var formatCount = 0;
        var longIndicator = false;
        foreach (var m in PhoneNumberData.FormatIndicator().EnumerateMatches(phone))
        {
            formatCount++;
            longIndicator |= m.Length > 1;
        }

        if (formatCount > 0)
        {
            score += Math.Min(formatCount, MaxFormatIndicators) * FormattedAward;
            score -= longIndicator ? ContinueFormatIndicatorDeduction : 0;
            var open = phone.IndexOf('(', StringComparison.Ordinal);
            var hasBracket = open >= 0 || phone.Contains(')', StringComparison.Ordinal);
            var complete = open >= 0 && phone.IndexOf(')', open + 1) > open;
            if (hasBracket && !complete)
            {
                score -= WrongFormatDeduction;
            }
        }

        score += Math.Min(PhoneNumberExtractor.CountDigits(phone) - LengthBase, MaxLengthAwards) * LengthAward;

        var tail = PhoneNumberData.TailSameDigits().Match(phone);
        if (tail.Success)
        {
            score -= (tail.Length - TailSameLimit) * TailSameDeduction;
        }

        if (IsAllDigits(phone) && phone.Length > PureDigitLengthLimit)
        {
            score -= (phone.Length - PureDigitLengthLimit) * LengthAward;
        }

        score -= PhoneNumberData.TypicalDeduction().IsMatch(phone) ? TypicalFormatDeduction : 0;

        var runs = PhoneNumberData.ContinuousDigits().Count(phone);
        score -= Math.Max(runs - 1, 0) * ContinueDigitDeduction;

        if (PhoneNumberData.NoAreaCodeUs().IsMatch(phone))
        {
            score += LengthAward * 1.5;
        }

        return Math.Max(Math.Min(score, UpperLimit), 0) / UpperLimit;
    }

    /// <summary>The score as upstream prints it ("0.9", "1", "0.55").</summary>
    public static string Format(double score) => score.ToString(CultureInfo.InvariantCulture);

    private static bool IsAllDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
