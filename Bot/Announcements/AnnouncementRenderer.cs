using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Quiz;

namespace AuthorBot.Bot.Announcements;

/// <summary>
/// Builds one reader's message: the variant's template filled from their profile, the optional hero card, every link
/// rewritten to <c>{baseUrl}/r/{token}</c> (one token per link per delivery, so a click is credited to the reader's
/// variant), and the delivery's idempotency key in <c>channelData.authorBot.idempotencyKey</c>.
/// </summary>
internal static partial class AnnouncementRenderer
{
    public static (Activity Activity, List<LinkToken> Links) Render(AnnouncementRequest definition, DueDelivery delivery, ReaderProfile? profile, QuizBank? quiz = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(delivery);
        var variant = definition.Variants?.FirstOrDefault(v => v.Id == delivery.Variant) ?? definition.Variants?.FirstOrDefault()
            ?? throw new InvalidOperationException($"Announcement {delivery.AnnouncementId} has no variants.");
        var links = new List<LinkToken>();
        string Rewrite(string url)
        {
            if (string.IsNullOrEmpty(definition.BaseUrl))
            {
                return url;
            }

            var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');
            links.Add(new LinkToken(token, delivery.Id, url));
            return definition.BaseUrl.TrimEnd('/') + "/r/" + token;
        }

        string? Fill(string? template) => template is null ? null : Url().Replace(MessageTemplate.Render(template, profile), m => Rewrite(m.Value));

        var activity = new Activity(ActivityTypes.Message)
        {
            Id = delivery.IdempotencyKey,
            Text = Fill(variant.Text),
            ChannelData = JsonSerializer.SerializeToElement(
                new Dictionary<string, Dictionary<string, string>>
                {
                    ["authorBot"] = new() { ["idempotencyKey"] = delivery.IdempotencyKey, ["announcementId"] = delivery.AnnouncementId, ["variant"] = variant.Id! },
                },
                AnnouncementRenderJsonContext.Default.DictionaryStringDictionaryStringString),
        };
        if (variant.Card is { } card)
        {
            var hero = new HeroCard
            {
                Title = Fill(card.Title),
                Subtitle = Fill(card.Subtitle),
                Text = Fill(card.Text),
                Images = card.ImageUrl is null ? null : [new CardImage(card.ImageUrl)],
                Buttons = card.Buttons?.Select(b => new CardAction(ActionTypes.OpenUrl, MessageTemplate.Render(b.Title!, profile), Rewrite(b.Url!))).ToList(),
            };
            activity.Attachments = [hero.ToAttachment()];
        }

        if (quiz?.Find(definition.QuizQuestionId) is { } question)
        {
            // The question's buttons carry its id, so the quiz scores the answer whenever the reader presses one.
            activity.Text ??= "Quiz question of the week: " + question.Text;
            activity.Attachments = [.. activity.Attachments ?? [], QuizCards.WeeklyQuestionCard(question)];
        }

        return (activity, links);
    }

    [GeneratedRegex(@"https?://[^\s<>""')\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
