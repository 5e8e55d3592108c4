using System.Text.RegularExpressions;

namespace AuthorBot.Dialogs.Quiz;

/// <summary>What a message asks of the quiz outside a round: the leaderboard (show, join, leave), the reader's record, another round.</summary>
internal static partial class QuizCommands
{
    public enum Kind
    {
        None,
        Round,
        ShowLeaderboard,
        JoinLeaderboard,
        LeaveLeaderboard,
        Record,
    }

    public static (Kind Kind, string? Name) Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (Kind.None, null);
        }

        var trimmed = text.Trim();
        if (Leave().IsMatch(trimmed))
        {
            return (Kind.LeaveLeaderboard, null);
        }

        if (Join().Match(trimmed) is { Success: true } join)
        {
            return (Kind.JoinLeaderboard, join.Groups["name"].Success ? join.Groups["name"].Value : null);
        }

        if (Show().IsMatch(trimmed))
        {
            return (Kind.ShowLeaderboard, null);
        }

        if (Record().IsMatch(trimmed))
        {
            return (Kind.Record, null);
        }

        return AnotherRound().IsMatch(trimmed) ? (Kind.Round, null) : (Kind.None, null);
    }

    [GeneratedRegex(@"\b(leave|quit|exit|remove me from|take me off|opt out of|delete me from|hide me from)\b.*\b(leader ?board|high ?scores?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Leave();

    [GeneratedRegex(@"\b(join|add me to|put me on|opt in to|opt into|sign me up for|show me on)\b.*?\b(leader ?board|high ?scores?)\b(?:\s+(?:as|under|with the name|named|called)\s+(?<name>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Join();

    [GeneratedRegex(@"^(show |see |view )?(me )?(the )?(quiz )?(leader ?board|high ?scores?|top scores)[?.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Show();

    [GeneratedRegex(@"^(what'?s |show |see )?(me )?my (quiz )?(score|points|badges|streak|record)[?.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Record();

    [GeneratedRegex(@"^(another round|play again|one more round|next round|new round)[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnotherRound();
}
