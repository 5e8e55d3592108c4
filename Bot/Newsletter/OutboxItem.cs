namespace AuthorBot.Bot.Newsletter;

/// <summary>A queued email or webhook call taken for sending; <paramref name="Attempt"/> counts this one.</summary>
internal sealed record OutboxItem(long Id, string Kind, string Payload, int Attempt, Subscriber Subscriber);
