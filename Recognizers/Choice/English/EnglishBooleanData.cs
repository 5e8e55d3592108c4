using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.Choice.English;

/// <summary>
/// English yes/no vocabulary, after the English choice definitions of microsoft/Recognizers-Text (MIT, see NOTICE).
/// Emoji may carry a skin-tone modifier (U+1F3FB..U+1F3FF).
/// </summary>
internal static partial class EnglishBooleanData
{
    /// <summary>Affirmative answers.</summary>
    [GeneratedRegex(
        @"\b(?:y|yes|yep|yup|yeah|yea|ya|sure|ok|okay|agree|agreed|absolutely|certainly|definitely|of\s+course|alright|all\s+right|affirmative)\b" +
        @"|(?:\uD83D[\uDC4D\uDC4C])(?:\uD83C[\uDFFB-\uDFFF])?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex True();

    /// <summary>Negative answers.</summary>
    [GeneratedRegex(
        @"\b(?:n|no|nope|nah|not\s+ok|not\s+okay|not\s+really|no\s+way|disagree|disagreed|negative)\b" +
        @"|(?:\uD83D\uDC4E)(?:\uD83C[\uDFFB-\uDFFF])?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex False();
}
