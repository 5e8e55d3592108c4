namespace AuthorBot.Bot.Newsletter;

/// <summary>A confirmation click's outcome and the subscriber it concerned, when known.</summary>
internal sealed record ConfirmationResult(ConfirmationOutcome Outcome, Subscriber? Subscriber);
