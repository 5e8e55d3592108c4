namespace AuthorBot.Bot.Announcements;

/// <summary>The body of <c>POST /api/announcements</c> (also stored, normalized, as the announcement's definition).</summary>
internal sealed class AnnouncementRequest
{
    /// <summary>A label for marketers.</summary>
    public string? Name { get; set; }

    /// <summary>The message template ({name} and other profile fields) when there are no variants.</summary>
    public string? Text { get; set; }

    /// <summary>An optional hero card when there are no variants.</summary>
    public CardRequest? Card { get; set; }

    /// <summary>A/B variants with weights; each has its own text and card.</summary>
    public List<VariantRequest>? Variants { get; set; }

    /// <summary>Who receives it.</summary>
    public AudienceRequest? Audience { get; set; }

    /// <summary>When it is sent.</summary>
    public ScheduleRequest? Schedule { get; set; }

    /// <summary>
    /// The id of a reader-quiz question to send as the quiz question of the week: its card's buttons answer it, and
    /// each reader's answer scores once (<c>GET /api/quiz/questions</c> lists the ids).
    /// </summary>
    public string? QuizQuestionId { get; set; }

    /// <summary>Where <c>/r/{token}</c> links point (filled in by the server).</summary>
    public string? BaseUrl { get; set; }
}

/// <summary>One A/B variant.</summary>
internal sealed class VariantRequest
{
    /// <summary>Short id ("A", "B").</summary>
    public string? Id { get; set; }

    /// <summary>The message template.</summary>
    public string? Text { get; set; }

    /// <summary>Optional hero card.</summary>
    public CardRequest? Card { get; set; }

    /// <summary>Relative share of the audience (default 1).</summary>
    public double? Weight { get; set; }
}

/// <summary>A hero card.</summary>
internal sealed class CardRequest
{
    public string? Title { get; set; }

    public string? Subtitle { get; set; }

    public string? Text { get; set; }

    public string? ImageUrl { get; set; }

    public List<ButtonRequest>? Buttons { get; set; }
}

/// <summary>A card button that opens a link.</summary>
internal sealed class ButtonRequest
{
    public string? Title { get; set; }

    public string? Url { get; set; }
}

/// <summary>Who receives an announcement.</summary>
internal sealed class AudienceRequest
{
    /// <summary><c>all</c> (default), <c>subscribers</c>, <c>interests</c> or <c>event</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>For <c>interests</c>: readers with any of these interests.</summary>
    public List<string>? Interests { get; set; }

    /// <summary>For <c>event</c>: readers who RSVP'd to this event.</summary>
    public string? EventId { get; set; }

    /// <summary>Only readers on this channel (e.g. <c>msteams</c>); all channels when empty.</summary>
    public string? Channel { get; set; }
}

/// <summary>When an announcement is sent.</summary>
internal sealed class ScheduleRequest
{
    /// <summary><c>now</c> (default), <c>at</c> or <c>bestHour</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>For <c>at</c>: the moment to send.</summary>
    public DateTimeOffset? At { get; set; }

    /// <summary>For <c>bestHour</c>: the window each reader's best hour is picked in.</summary>
    public DateTimeOffset? WindowStart { get; set; }

    /// <summary>For <c>bestHour</c>: end of the window (exclusive).</summary>
    public DateTimeOffset? WindowEnd { get; set; }
}
