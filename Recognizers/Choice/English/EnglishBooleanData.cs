using System.Text.RegularExpressions;

namespace AuthorBot.Recognizers.Choice.English;

/// <summary>
/// English yes/no vocabulary, after the English choice definitions of microsoft/Recognizers-Text (MIT, see NOTICE),
/// extended for chat answers: negated answers ("not now", "no thanks"), answers that only mean yes or no when they are
/// the whole reply ("I do", "don't", "go for it"), and uncertain answers ("not sure", "maybe") that must not be read
/// as yes just because they contain "sure". Emoji may carry a skin-tone modifier (U+1F3FB..U+1F3FF).
/// </summary>
/// <remarks>
/// Multi-word additions are chosen so they never outscore a single answer word the original spec expects; "sounds
/// good" and "that's fine", for instance, would change the spec's scores for "Yeah that sounds good." and so are only
/// read as whole replies.
/// </remarks>
internal static partial class EnglishBooleanData
{
    /// <summary>Affirmative answers.</summary>
    [GeneratedRegex(
        @"\b(?:y|yes|yep|yup|yeah|yea|ya|sure|ok|okay|agree|agreed|absolutely|certainly|definitely|of\s+course|alright|all\s+right|affirmative" +
        @"|correct|indeed|no\s+problem|no\s+worries|go\s+ahead|please\s+do)\b" +
        @"|(?:\uD83D[\uDC4D\uDC4C])(?:\uD83C[\uDFFB-\uDFFF])?|\u2705|\u2714\uFE0F?" +
        @"|(?<=^\W*)(?:k|fine|true|right|(?:i\s+)?(?:do|will|would)|do\s+it|go\s+for\s+it|why\s+not|sounds\s+(?:good|great|fine)|(?:that'?s|that\s+is)\s+(?:fine|right|correct))(?=\W*$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex True();

    /// <summary>Negative answers.</summary>
    [GeneratedRegex(
        @"\b(?:n|no|nope|nah|nay|not\s+ok|not\s+okay|not\s+really|no\s+way|disagree|disagreed|negative" +
        @"|not\s+(?:right\s+)?now|not\s+(?:yet|today|interested|correct|true|right)|incorrect|no\s+thanks?|no\s+thank\s+you" +
        @"|(?:i\s+)?don['\u2019]?t\s+think\s+so)\b" +
        @"|(?:\uD83D\uDC4E)(?:\uD83C[\uDFFB-\uDFFF])?|\u274C" +
        @"|(?<=^\W*)(?:false|never|wrong|(?:please\s+)?(?:i\s+)?(?:don['\u2019]?t|do\s+not|won['\u2019]?t|will\s+not|wouldn['\u2019]?t|would\s+not))(?=\W*$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex False();

    /// <summary>Uncertain answers: neither yes nor no, even when they contain a yes or no word.</summary>
    [GeneratedRegex(
        @"\b(?:maybe|perhaps|possibly|dunno|undecided|not\s+(?:sure|certain)|no\s+idea|(?:i\s+)?(?:don['\u2019]?t|do\s+not)\s+know|let\s+me\s+think)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex Uncertain();
}
