using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Hosting;

/// <summary>What the HTTP answer of a turn must carry: replies (expectReplies), an invoke response, or nothing.</summary>
internal readonly record struct TurnOutcome(int Status, IList<Activity>? Replies, InvokeResponse? Invoke);
