namespace AuthorBot.Bot.Announcements;

/// <summary>A rewritten link: <c>/r/{Token}</c> redirects to <see cref="Url"/> and counts a click for the delivery.</summary>
internal sealed record LinkToken(string Token, long DeliveryId, string Url);
