using System.Buffers;

namespace AuthorBot.BotFramework.Schema;

/// <summary>
/// Checks an inbound activity before any turn runs: every turn loads user state (<c>{channelId}/users/{from.id}</c>) and
/// conversation state (<c>{channelId}/conversations/{conversation.id}</c>), and the activity handlers walk its member and
/// reaction lists, so an activity lacking those ids or carrying nulls in those lists could only fail inside the turn.
/// Every activity the Bot Framework channels send (Teams conversationUpdate, installationUpdate, invoke and
/// messageReaction included) has them.
/// </summary>
public static class ActivityValidator
{
    /// <summary>Longest id accepted (Teams ids run to about 200 characters).</summary>
    public const int MaxIdLength = 1024;

    /// <summary>Longest channel id or activity type accepted.</summary>
    public const int MaxNameLength = 64;

    // Channel ids are short names ("msteams", "emulator", "directline", "pva-published-engine-direct"); a '/' in one
    // would let a crafted channel id and user id spell another reader's state key.
    private static readonly SearchValues<char> _channelIdCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    /// <summary>Null when the activity may start a turn; otherwise a one-line reason for a 400.</summary>
    public static string? Validate(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Type))
        {
            return "Activity has no type.";
        }

        if (activity.Type.Length > MaxNameLength || HasControl(activity.Type))
        {
            return $"Activity type must be 1-{MaxNameLength} printable characters.";
        }

        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return "Activity has no channelId.";
        }

        if (activity.ChannelId.Length > MaxNameLength || activity.ChannelId.AsSpan().ContainsAnyExcept(_channelIdCharacters))
        {
            return $"Activity channelId must be 1-{MaxNameLength} letters, digits, '-', '_' or '.'.";
        }

        return CheckId(activity.Conversation?.Id, "conversation.id")
            ?? CheckId(activity.From?.Id, "from.id")
            ?? CheckMembers(activity.MembersAdded, "membersAdded")
            ?? CheckMembers(activity.MembersRemoved, "membersRemoved")
            ?? CheckNoNulls(activity.ReactionsAdded, "reactionsAdded")
            ?? CheckNoNulls(activity.ReactionsRemoved, "reactionsRemoved")
            ?? CheckNoNulls(activity.Attachments, "attachments")
            ?? CheckNoNulls(activity.Entities, "entities");
    }

    private static string? CheckId(string? id, string field) =>
        string.IsNullOrEmpty(id) ? $"Activity has no {field}."
        : id.Length > MaxIdLength || HasControl(id) ? $"Activity {field} must be 1-{MaxIdLength} printable characters."
        : null;

    private static string? CheckMembers(IList<ChannelAccount>? members, string field)
    {
        if (members is null)
        {
            return null;
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (members[i] is not { } member)
            {
                return $"Activity {field}[{i}] is null.";
            }

            if (CheckId(member.Id, $"{field}[{i}].id") is { } invalid)
            {
                return invalid;
            }
        }

        return null;
    }

    private static string? CheckNoNulls<T>(IList<T>? items, string field)
        where T : class
    {
        if (items is null)
        {
            return null;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                return $"Activity {field}[{i}] is null.";
            }
        }

        return null;
    }

    private static bool HasControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
