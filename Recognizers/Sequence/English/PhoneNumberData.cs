using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.Sequence.English;

/// <summary>
/// Phone-number shapes by numbering plan, the boundary rules and the scoring patterns. They follow
/// <c>Patterns/Base-PhoneNumbers.yaml</c> of microsoft/Recognizers-Text (MIT, see NOTICE); rewritten, not copied.
/// </summary>
internal static partial class PhoneNumberData
{
    /// <summary>The shapes tried, by name. Their matches are merged (see <see cref="PhoneNumberExtractor"/>).</summary>
    public static readonly (string Name, Regex Regex)[] Shapes =
    [
        ("General", General()), ("BR", Brazil()), ("UK", UnitedKingdom()), ("DE", Germany()), ("US", UnitedStates()),
        ("CN", China()), ("DK", Denmark()), ("IT", Italy()), ("NL", Netherlands()), ("Special", Special()),
    ];

    [GeneratedRegex(@"(\b(((\d[\s]?){4,12}))(-?[\d\s?]{3}\d)(?!-)\b)|(\(\d{5}\)\s?\d{5,6})|\+\d{2}\(\d\)\d{10}", RegexOptions.ExplicitCapture)]
    private static partial Regex General();

    [GeneratedRegex(@"((\(\s?(\+\s?|00)55\s?\)\s?)|(((?<!\d)\+\s?|\b00)55\s?)|\b)?(((\B\(\s?))\d{2,3}(\s?\))|(\b\d{2,3}))\s?\d{4,5}-?\d{3,5}(?!-)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex Brazil();

    [GeneratedRegex(@"(((\b(00)|\B\+)\s?)?(\b\d{2}\s?)?((\s?\(0\)[-\s]?|\b|(?<=(\b^#)\d{2}))\d{2,5}|\(0\d{3,4}\))[/-]?\s?(\d{5,8}|\d{3,4}[-\s]?\d{3,4})(?!-)\b)", RegexOptions.ExplicitCapture)]
    private static partial Regex UnitedKingdom();

    [GeneratedRegex(@"((\+\d{2}\s?((\(0\))?\d\s?)?|\b)(\d{2,4}\s?[-/]?[\s\d]{7,10}\d)(?!-)\b)", RegexOptions.ExplicitCapture)]
    private static partial Regex Germany();

    [GeneratedRegex(@"(((((\B\+)|\b)1(\s|-)?)|\b)?(\d{3}\)[-\s]?|\(\d{3}\)[-\.\s]?|\b\d{3}\s?[-\.]?\s?)|\b)[2-9]\d{2}\s?[-\.]?\s?\d{4}(\s?(x|ext)\s?\d{3,5})?(?!(-\s?\d))\b", RegexOptions.ExplicitCapture)]
    private static partial Regex UnitedStates();

    [GeneratedRegex(@"((\b00\s?)?\+?(86|82|81)\s?-?\s?)?(((\b|(?<=(86|82|81)))\d{2,5}\s?-?\s?|\(\d{2,5}\)\s?)\d{4}\s?-?\s?\d{4}(\s?-?\s?\d{4})?|(\b|(?<=(86|82|81)))\d{3}\s?-?\s?\d{4}\s?-?\s?\d{4})(?!-)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex China();

    [GeneratedRegex(@"((\(\s?(\+\s?|00)45\s?\)\s?)|(((?<!\d)\+\s?|\b00)45\s?)|\b)(\s?\(0\)\s?)?((\d{8})|(\d{4}\s?-?\s?\d{4,6})|((\d{2}[\s-]){3}\d{2})|(\d{2}\s?-?\s?\d{3}\s?-?\s?\d{3}))(?!-)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex Denmark();

    [GeneratedRegex(@"((\(\s?(\+\s?|00)39\s?\)\s?)|(((?<!\d)\+\s?|\b00)39\s?)|\b)((0[\d-]{4,12}\d)|(3[\d-]{7,12}\d)|(0[\d\s]{4,12}\d)|(3[\d\s]{7,12}\d))(?!-)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex Italy();

    [GeneratedRegex(@"((((\(\s?(\+\s?|00)31\s?\)\s?)|(((?<!\d)\+\s?|\b00)31\s?))?(((\b|(?<=31))0?\d{1,3}|\(\s?0?\d{1,3}\s?\)|\(0\)[-\s]?\d{1,3})((-?[\d]{5,11})|(\s[\d\s]{5,11}))\d))|\b\d{10,12})(?!-)\b", RegexOptions.ExplicitCapture)]
    private static partial Regex Netherlands();

    [GeneratedRegex(@"(\b(\d{3,4}[/-]\d{1,4}[/-]\d{3,4})\b)", RegexOptions.ExplicitCapture)]
    private static partial Regex Special();

    /// <summary>Cheap test that a query can contain a phone number at all.</summary>
    [GeneratedRegex(@"(\d{1,4}.){2,4}\s?\d{2,3}", RegexOptions.ExplicitCapture)]
    public static partial Regex PreCheck();

    /// <summary>US social security numbers look like phone numbers and must not be extracted.</summary>
    [GeneratedRegex(@"^\d{3}-\d{2}-\d{4}$")]
    public static partial Regex SocialSecurityNumber();

    /// <summary>International dialing prefix right before a match ("011-82-10-…").</summary>
    [GeneratedRegex(@"0(0|11)$", RegexOptions.ExplicitCapture)]
    public static partial Regex InternationalDialingPrefix();

    /// <summary>A letter before a colon: "tel:123456" is a label, "1767:1771" is not.</summary>
    [GeneratedRegex(@"([a-z])\s*$", RegexOptions.ExplicitCapture)]
    public static partial Regex ColonPrefixCheck();

    /// <summary>Numbers introduced as account or card numbers are not phone numbers.</summary>
    [GeneratedRegex(@"\b(account|acct|card)(\s+(number|no\.?|#))?(\s+is)?\s*:?$", RegexOptions.ExplicitCapture)]
    public static partial Regex FalsePositivePrefix();

    /// <summary>Hexadecimal dumps such as "00 10 00 31 46 d9 e9 11".</summary>
    [GeneratedRegex(@"([0-9a-e]{2}(\s[0-9a-e]{2}){7})", RegexOptions.ExplicitCapture)]
    public static partial Regex HexMask();

    /// <summary>"OMB No. 0560-0155" is a form number.</summary>
    [GeneratedRegex(@"^\d{4}-\d{4}$")]
    public static partial Regex AmbiguousFourFour();

    [GeneratedRegex(@"omb(\s*(no(\.)?|number|#))?:?\s+\d{4}-?\d{4}", RegexOptions.ExplicitCapture)]
    public static partial Regex FormNumberContext();

    public const string BoundaryMarkers = "-./+#*";
    public const string SpecialBoundaryMarkers = "- ";
    public const string ForbiddenPrefixMarkers = ",:%";
    public const string ForbiddenSuffixMarkers = "/+#*:%";

    // Scoring.
    [GeneratedRegex(@"^(\(\s?(\+\s?|00)\d{1,3}\s?\)|(\+\s?|00)\d{1,3})", RegexOptions.ExplicitCapture)]
    public static partial Regex CountryCode();

    [GeneratedRegex(@"(\s|-|/|\.)+")]
    public static partial Regex FormatIndicator();

    [GeneratedRegex(@"(?<!(-|-\s|\d|\)|\)\s|\.))[2-9]\d{2}\s?[-\.]\s?\d{4}(?!(-\s?\d))\b", RegexOptions.ExplicitCapture)]
    public static partial Regex NoAreaCodeUs();

    [GeneratedRegex(@"([\d])\1{2,10}$")]
    public static partial Regex TailSameDigits();

    [GeneratedRegex(@"\d{5}\d*")]
    public static partial Regex ContinuousDigits();

    [GeneratedRegex(@"^\d{5}-\d{4}$|\)\.|^0(0|11)(-)", RegexOptions.ExplicitCapture)]
    public static partial Regex TypicalDeduction();
}
