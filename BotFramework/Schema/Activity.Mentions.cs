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

    /// <summary>
    /// Whether the message @mentions the bot (the recipient): a <c>mention</c> entity naming its id, or, for clients that
    /// send the markup without the entity, <c>&lt;at&gt;bot name&lt;/at&gt;</c> in the text.
    /// </summary>
    public bool MentionsRecipient()
    {
        if (Recipient?.Id is not { Length: > 0 } id)
        {
            return false;
        }

        return GetMentions().Any(m => string.Equals(m.Mentioned?.Id, id, StringComparison.Ordinal))
            || (Recipient.Name is { Length: > 0 } name && Text is { Length: > 0 } text && AtMarkup(name).IsMatch(text));
    }

    /// <summary>
    /// Removes mentions of the bot (the recipient) from <see cref="Text"/> and returns the new text: the entities' text,
    /// and <c>&lt;at&gt;bot name&lt;/at&gt;</c> markup even when no entity names it.
    /// </summary>
    public string? RemoveRecipientMention()
    {
        if (Recipient?.Id is not { } id)
        {
            return Text;
        }

        RemoveMentionText(id);
        if (Recipient.Name is { Length: > 0 } name && !string.IsNullOrEmpty(Text) && AtMarkup(name) is var markup && markup.IsMatch(Text))
        {
            Text = Tidy(markup.Replace(Text, " "));
        }

        return Text;
    }

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

            if (!string.IsNullOrEmpty(mention.Text) && Text.Contains(mention.Text, StringComparison.Ordinal))
            {
                Text = Tidy(Text.Replace(mention.Text, " ", StringComparison.Ordinal));
            }
            else if (!string.IsNullOrEmpty(mention.Mentioned?.Name) && AtMarkup(mention.Mentioned.Name) is var markup && markup.IsMatch(Text))
            {
                Text = Tidy(markup.Replace(Text, " "));
            }
        }

        return Text;
    }

    private static Regex AtMarkup(string name) =>
        new("<at>\\s*" + Regex.Escape(name) + "\\s*</at>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, _mentionRegexTimeout);

    // Teams separates the mention from the words with a non-breaking space (sometimes as an entity), and removing it
    // in the middle of a sentence must not leave two spaces behind.
    private static string Tidy(string text) =>
        string.Join(' ', text.Replace("&nbsp;", " ", StringComparison.Ordinal).Replace('\u00A0', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim();
}
