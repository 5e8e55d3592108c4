using System.Text.Json;
using System.Text.RegularExpressions;

namespace AuthorBot.BotFramework.Schema;

/// <summary>Mention helpers on <see cref="Activity"/>: Teams puts <c>&lt;at&gt;Bot&lt;/at&gt;</c> in the text of channel messages.</summary>
public partial class Activity
{
    private static readonly TimeSpan _mentionRegexTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The <c>mention</c> entities of this activity.</summary>
    public IReadOnlyList<Mention> GetMentions()
    {
        if (Entities is null || Entities.Count == 0)
        {
            return [];
        }

        var mentions = new List<Mention>();
        foreach (var entity in Entities)
        {
            if (!string.Equals(entity.Type, Mention.EntityType, StringComparison.Ordinal) || entity.Properties is null)
            {
                continue;
            }

            var mention = new Mention();
            if (entity.Properties.TryGetValue("mentioned", out var mentioned) && mentioned.ValueKind == JsonValueKind.Object)
            {
                mention.Mentioned = mentioned.Deserialize(BotJsonContext.Default.ChannelAccount);
            }

            if (entity.Properties.TryGetValue("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                mention.Text = text.GetString();
            }

            mentions.Add(mention);
        }

        return mentions;
    }

    /// <summary>Removes mentions of the bot (the recipient) from <see cref="Text"/> and returns the new text.</summary>
    public string? RemoveRecipientMention() => Recipient?.Id is { } id ? RemoveMentionText(id) : Text;

    /// <summary>Removes mentions of <paramref name="id"/> from <see cref="Text"/> and returns the new text.</summary>
    public string? RemoveMentionText(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (string.IsNullOrEmpty(Text))
        {
            return Text;
        }

        foreach (var mention in GetMentions())
        {
            if (!string.Equals(mention.Mentioned?.Id, id, StringComparison.Ordinal))
            {
                continue;
            }

            if (!string.IsNullOrEmpty(mention.Text))
            {
                Text = Text.Replace(mention.Text, string.Empty, StringComparison.Ordinal).Trim();
            }
            else if (!string.IsNullOrEmpty(mention.Mentioned?.Name))
            {
                Text = Regex.Replace(Text, "<at>" + Regex.Escape(mention.Mentioned.Name) + "</at>", string.Empty, RegexOptions.IgnoreCase, _mentionRegexTimeout).Trim();
            }
        }

        return Text;
    }
}
