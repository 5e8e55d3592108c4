using AuthorBot.Bot.Proactive;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Bot.Announcements;

/// <summary>A delivery marked <c>sending</c>, with its rendered message and the conversation to send it to.</summary>
internal sealed record PreparedDelivery(DueDelivery Delivery, ProactiveTarget Target, Activity Activity);
