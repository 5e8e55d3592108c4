namespace AuthorBot.Bot.Understanding;

#pragma warning disable CA1812 // Instantiated by System.Text.Json.

/// <summary>A message the bot did not understand, as the API shows it.</summary>
internal sealed class MissView
{
    public long Id { get; set; }

    public string Text { get; set; } = string.Empty;

    public string? ChannelId { get; set; }

    public DateTimeOffset MissedAt { get; set; }

    public string? Guess { get; set; }

    public double GuessScore { get; set; }

    public string? SecondGuess { get; set; }

    public double SecondScore { get; set; }

    public string? Label { get; set; }

    public DateTimeOffset? LabelledAt { get; set; }
}

/// <summary>The body of a label request: the intent the message meant.</summary>
internal sealed class LabelRequest
{
    public string? Intent { get; set; }
}

/// <summary>A message for the author, as the API shows it.</summary>
internal sealed class InboxView
{
    public long Id { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public string ChannelId { get; set; } = string.Empty;

    public string? ReaderName { get; set; }

    public string Message { get; set; } = string.Empty;

    public string? Contact { get; set; }

    public string? ContactConsent { get; set; }

    public string Reason { get; set; } = string.Empty;

    public double Sentiment { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>The intents a miss may be labelled with.</summary>
internal sealed class IntentList
{
    public List<string> Intents { get; set; } = [];
}

/// <summary>An error as the API answers it.</summary>
internal sealed class UnderstandingError
{
    public string Error { get; set; } = string.Empty;
}

#pragma warning restore CA1812
