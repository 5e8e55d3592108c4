using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Dialogs.Recommendations;

/// <summary>Channels as readers know them, for "Popular with readers on …" reasons; a raw channel id means nothing to a reader.</summary>
internal static class ChannelNames
{
    /// <summary>The readable name of a channel, or null for a channel readers would not recognise by name.</summary>
    public static string? Of(string? channelId) => channelId switch
    {
        Channels.Msteams => "Microsoft Teams",
        Channels.Webchat or Channels.Directline => "the website chat",
        Channels.Slack => "Slack",
        Channels.Telegram => "Telegram",
        Channels.Facebook => "Messenger",
        Channels.Skype => "Skype",
        _ => null,
    };
}
