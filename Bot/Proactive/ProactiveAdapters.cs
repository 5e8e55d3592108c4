namespace AuthorBot.Bot.Proactive;

/// <summary>Names of the adapters a conversation reference can be continued on.</summary>
internal static class ProactiveAdapters
{
    /// <summary>The Bot Connector adapter (/api/messages): Teams, Emulator, Web Chat through Azure, ...</summary>
    public const string Connector = "connector";

    /// <summary>The self-hosted Direct Line adapter.</summary>
    public const string DirectLine = "directline";
}
