using AuthorBot.Dialogs.Quiz;

namespace AuthorBot.Bot.Announcements;

/// <summary>Checks a posted announcement and normalizes it (variants filled in, kinds lower-case).</summary>
internal static class AnnouncementValidator
{
    public const int MaxTextLength = 4000;
    public const int MaxVariants = 10;
    private static readonly TimeSpan _maxWindow = TimeSpan.FromDays(14);

    /// <summary>Null when the request is valid (and then normalized in place), otherwise a message naming the field.</summary>
    /// <param name="request">The posted announcement.</param>
    /// <param name="now">The current time.</param>
    /// <param name="quiz">The quiz's questions, which <c>quizQuestionId</c> must name.</param>
    public static string? Validate(AnnouncementRequest request, DateTimeOffset now, QuizBank? quiz = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.QuizQuestionId is { } questionId && quiz?.Find(questionId) is null)
        {
            return $"'quizQuestionId' \"{(questionId.Length > 60 ? questionId[..60] + "..." : questionId)}\" is not a question of the reader quiz (GET /api/quiz/questions lists them).";
        }

        if (request.Name is { Length: > 200 })
        {
            return "'name' is longer than 200 characters.";
        }

        var topLevel = request.Variants is not { Count: > 0 };
        if (request.Variants is { Count: > 0 } variants)
        {
            if (request.Text is not null || request.Card is not null)
            {
                return "Give either 'text'/'card' or 'variants', not both.";
            }

            if (variants.Count > MaxVariants)
            {
                return $"At most {MaxVariants} variants are allowed.";
            }
        }
        else
        {
            request.Variants = [new VariantRequest { Id = "A", Text = request.Text, Card = request.Card, Weight = 1 }];
            request.Text = null;
            request.Card = null;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Variants.Count; i++)
        {
            var variant = request.Variants[i];
            var field = topLevel ? string.Empty : $"variants[{i}].";
            if (variant is null)
            {
                return $"'variants[{i}]' is null.";
            }

            variant.Id = string.IsNullOrWhiteSpace(variant.Id) ? ((char)('A' + i)).ToString() : variant.Id.Trim();
            if (variant.Id.Length > 20 || !ids.Add(variant.Id))
            {
                return $"'{field}id' must be unique and at most 20 characters.";
            }

            variant.Weight ??= 1;
            if (!double.IsFinite(variant.Weight.Value) || variant.Weight <= 0)
            {
                return $"'{field}weight' must be a positive number.";
            }

            if (string.IsNullOrWhiteSpace(variant.Text) && variant.Card is null && request.QuizQuestionId is null)
            {
                return topLevel ? "'text' is required (or a 'card')." : $"'variants[{i}]' needs 'text' or a 'card'.";
            }

            var error = ValidateText(variant.Text, field + "text") ?? ValidateCard(variant.Card, field + "card");
            if (error is not null)
            {
                return error;
            }
        }

        return ValidateAudience(request) ?? ValidateSchedule(request, now);
    }

    private static string? ValidateText(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > MaxTextLength)
        {
            return $"'{field}' is longer than {MaxTextLength} characters.";
        }

        var error = MessageTemplate.Validate(text);
        return error is null ? null : $"'{field}': {error}";
    }

    private static string? ValidateCard(CardRequest? card, string field)
    {
        if (card is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(card.Title) && string.IsNullOrWhiteSpace(card.Text))
        {
            return $"'{field}' needs a 'title' or 'text'.";
        }

        var error = ValidateText(card.Title, field + ".title") ?? ValidateText(card.Subtitle, field + ".subtitle") ?? ValidateText(card.Text, field + ".text");
        if (error is not null)
        {
            return error;
        }

        if (card.ImageUrl is not null && !IsHttpUrl(card.ImageUrl))
        {
            return $"'{field}.imageUrl' must be an absolute http(s) URL.";
        }

        for (var i = 0; i < (card.Buttons?.Count ?? 0); i++)
        {
            var button = card.Buttons![i];
            if (button is null || string.IsNullOrWhiteSpace(button.Title) || !IsHttpUrl(button.Url))
            {
                return $"'{field}.buttons[{i}]' needs a 'title' and an absolute http(s) 'url'.";
            }
        }

        return null;
    }

    private static string? ValidateAudience(AnnouncementRequest request)
    {
        var audience = request.Audience ??= new AudienceRequest();
        audience.Kind = string.IsNullOrWhiteSpace(audience.Kind) ? AudienceKinds.All : audience.Kind.Trim().ToLowerInvariant();
        audience.Channel = string.IsNullOrWhiteSpace(audience.Channel) ? null : audience.Channel.Trim();
        switch (audience.Kind)
        {
            case AudienceKinds.All or AudienceKinds.Subscribers:
                return null;
            case AudienceKinds.Interests:
                audience.Interests = audience.Interests?.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList();
                return audience.Interests is { Count: > 0 } ? null : "'audience.interests' needs at least one interest for kind 'interests'.";
            case AudienceKinds.Event:
                return string.IsNullOrWhiteSpace(audience.EventId) ? "'audience.eventId' is required for kind 'event'." : null;
            default:
                return $"'audience.kind' must be one of all, subscribers, interests, event (got '{audience.Kind}').";
        }
    }

    private static string? ValidateSchedule(AnnouncementRequest request, DateTimeOffset now)
    {
        var schedule = request.Schedule ??= new ScheduleRequest();
        schedule.Kind = string.IsNullOrWhiteSpace(schedule.Kind) ? ScheduleKinds.Now : schedule.Kind.Trim();
        if (schedule.Kind.Equals(ScheduleKinds.Now, StringComparison.OrdinalIgnoreCase))
        {
            schedule.Kind = ScheduleKinds.Now;
            return null;
        }

        if (schedule.Kind.Equals(ScheduleKinds.At, StringComparison.OrdinalIgnoreCase))
        {
            schedule.Kind = ScheduleKinds.At;
            if (schedule.At is null)
            {
                return "'schedule.at' is required for kind 'at' (an ISO 8601 time with offset).";
            }

            return schedule.At > now + _maxWindow * 26 ? "'schedule.at' is more than a year away." : null;
        }

        if (schedule.Kind.Equals(ScheduleKinds.BestHour, StringComparison.OrdinalIgnoreCase))
        {
            schedule.Kind = ScheduleKinds.BestHour;
            if (schedule.WindowStart is not { } start || schedule.WindowEnd is not { } end)
            {
                return "'schedule.windowStart' and 'schedule.windowEnd' are required for kind 'bestHour'.";
            }

            if (end <= start || end - start > _maxWindow)
            {
                return "'schedule.windowEnd' must be after 'schedule.windowStart' and at most 14 days later.";
            }

            return end <= now ? "'schedule.windowEnd' is in the past." : null;
        }

        return $"'schedule.kind' must be one of now, at, bestHour (got '{schedule.Kind}').";
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
